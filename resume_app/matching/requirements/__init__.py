"""Split a pasted job posting into the requirements a resume should answer.

People paste postings in two shapes: with their line structure (headings on their own
lines, "- " or "•" list items) and flattened to one line, where headings run into the
text ("...team. Qualifications: Bachelor's degree ... 3+ years of ...") and a bulleted
list became one long sentence with no periods. Both go through the same steps, one module
each (`analysis.analyze_posting` runs them in order):

1. `cleanup`: empty, too short, binary junk (`InputError` with a sentence for the user);
   only the first `MAX_CHARS` characters are read; Unicode NFKC, straight quotes, no
   control characters. A PDF text layer with one word per line is rejoined.
2. `header`: the posting-site header ("Title: / Company: / Location: / Category: /
   Posted: / URL:") gives `title` and `company` and is dropped.
3. `segments`: lines become list items, paragraphs (wrapped lines joined again, a list item
   broken in two by the source merged back) and headings on their own line; Chrome print
   headers and footers are dropped.
4. `sections`, with `sentences` and `runon`: each segment is cut into chunks: sentences
   (abbreviations such as "e.g.", "U.S.", "B.S." and decimals do not end one), then run-on
   lists are cut where a heading or a typical requirement opener ("Experience", "Strong",
   "Ability", "3+ years", "Develop", ...) restarts after a word with no punctuation.
   `headings` tells where a heading starts and ends and which section it opens: required,
   preferred, responsibility, boilerplate (about us, benefits, EEO, how to apply, pay, job
   metadata) or neutral (summary, unknown).
5. `selection`, `eligibility`, `holder` and `classify`: each chunk becomes one of three
   things. Eligibility and logistics (`eligibility`: work authorisation, citizenship,
   clearance, on-site/remote/residence, travel, hours, health and background checks,
   physical demands) wherever they sit, listed in `PostingAnalysis.eligibility` and never
   scored. Left out with a reason for the user (`PostingAnalysis.left_out`): boilerplate
   (about the company, benefits, pay, equal opportunity statement, how to apply, job
   details, legal notice, catch-all duties), company voice ("We ...", "Our ..."), plain
   description, headings. The rest are requirements: chunks in requirement sections; chunks
   in neutral sections only when they read like a requirement or their subject is the job
   holder (`holder`: "The Office Manager coordinates ...", "This individual will ...", "The
   ideal candidate has ..."); in a posting with no recognisable heading, every chunk that is
   not boilerplate. Prose that follows a requirement list with no heading to close it is
   judged on its own words, like a neutral section's. A neutral section whose chunks are
   mostly requirement-like counts as a requirement section. Each requirement gets a
   `RequirementKind` and its weight (`model.KIND_WEIGHTS`), from its own words first:
   preferred when it says so (preferred, a plus, nice to have, desired, ...); a holder
   sentence's main clause (a duty or a qualification); a duty verb first is a
   responsibility even under a qualifications heading, a qualification inside duties is
   required; its section's kind second.

`words` holds the word lists the steps share. Every word-list entry and rule added for issue
12 carries the postings that motivated it in `provenance` (the bench's leave-one-posting-out
run switches off a posting's own entries while it scores that posting). Everything is a single pass over the text
with bounded regular expressions, so a 200 KB paste takes well under a second. The package
imports nothing of the app but `resume_app.core`.
"""

from resume_app.matching.requirements import provenance
from resume_app.matching.requirements.analysis import analyze_posting
from resume_app.matching.requirements.cleanup import EMPTY_MESSAGE, MAX_CHARS, NOT_TEXT_MESSAGE, SHORT_MESSAGE
from resume_app.matching.requirements.model import (
    KIND_WEIGHTS,
    PREFERRED,
    PREFERRED_WEIGHT,
    REQUIRED,
    REQUIRED_WEIGHT,
    RESPONSIBILITY,
    RESPONSIBILITY_WEIGHT,
    Eligibility,
    LeftOut,
    PostingAnalysis,
    Requirement,
    RequirementKind,
)

__all__ = [
    "EMPTY_MESSAGE",
    "MAX_CHARS",
    "NOT_TEXT_MESSAGE",
    "PREFERRED",
    "PREFERRED_WEIGHT",
    "KIND_WEIGHTS",
    "REQUIRED",
    "REQUIRED_WEIGHT",
    "RESPONSIBILITY_WEIGHT",
    "RESPONSIBILITY",
    "SHORT_MESSAGE",
    "Eligibility",
    "LeftOut",
    "PostingAnalysis",
    "Requirement",
    "RequirementKind",
    "analyze_posting",
    "provenance",
]
