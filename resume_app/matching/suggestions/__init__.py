"""Writing suggestions for resume bullets that never change a fact (issue 14).

One module per step: verbs.py (the verb bank and inflection), rules.py (what can be
rewritten and how), figures.py (questions for a missing figure, and the rewrite with
the figure the person types), gates.py (the fact and check gates every suggestion
passes), engine.py (a bullet or a whole resume in, gated suggestions out).
This file imports nothing, so ats.py may read the verb bank without a cycle.
"""
