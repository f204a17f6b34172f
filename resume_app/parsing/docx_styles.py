"""Step 2 of the DOCX reader: styles and list numbering.

Effective run formatting (bold, caps, size, hidden) and list membership of a
paragraph through Word's style chains, read from the styles and numbering parts
that python-docx opened.  Cached per style combination: resumes reuse a handful,
and walking basedOn chains for every run dominated the run time.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.styles import BabelFish

__all__ = ["ListNumbering", "StyleSheet", "on", "run_prop_value"]

W_VAL = qn("w:val")
W_PPR, W_RPR, W_PSTYLE = qn("w:pPr"), qn("w:rPr"), qn("w:pStyle")
W_NUMPR, W_NUMID, W_ILVL = qn("w:numPr"), qn("w:numId"), qn("w:ilvl")
W_B, W_CAPS, W_SZ, W_VANISH = qn("w:b"), qn("w:caps"), qn("w:sz"), qn("w:vanish")
# The run properties the reader uses: bold, all caps, size, hidden.
RUN_PROPS = frozenset({W_B, W_CAPS, W_SZ, W_VANISH})


def on(el) -> bool | None:
    """Value of an on/off property element (w:b, w:caps...); None if absent."""
    if el is None:
        return None
    return el.get(W_VAL, "true").lower() not in ("0", "false", "off", "none")


def run_prop_value(el) -> object:
    """w:sz in points; the on/off properties as bool."""
    if el.tag == W_SZ:
        try:
            return int(el.get(W_VAL)) / 2
        except (TypeError, ValueError):
            return None
    return on(el)


class StyleSheet:
    """Effective paragraph and run properties through the style chain.

    First definition wins, in this order: direct formatting, character style chain,
    paragraph style chain, table style chain, document defaults.  Word XORs toggle
    properties (bold, caps) between style levels and applies table-style conditional
    formats (a bold header row); both are ignored, they are rare in resumes.
    """

    def __init__(self, document):
        styles_el = document.styles.element
        self._by_id: dict[str, object] = {}
        self._names: dict[str, str] = {}
        self._default_para = None
        for st in styles_el.findall(qn("w:style")):
            sid = st.get(qn("w:styleId"))
            self._by_id[sid] = st
            is_default = st.get(qn("w:default"), "0").lower() in ("1", "true", "on")
            if st.get(qn("w:type")) == "paragraph" and is_default:
                self._default_para = sid
            # The raw w:name, put into UI form ("heading 1" -> "Heading 1") as
            # python-docx's Style.name does; iterating document.styles instead
            # raises on a style with an unknown w:type.
            name = st.find(qn("w:name"))
            if name is not None and name.get(W_VAL):
                self._names[sid] = BabelFish.internal2ui(name.get(W_VAL))
        dd = styles_el.find(qn("w:docDefaults"))
        self._default_rpr = dd.find(f"{qn('w:rPrDefault')}/{W_RPR}") if dd is not None else None
        self._default_ppr = dd.find(f"{qn('w:pPrDefault')}/{W_PPR}") if dd is not None else None
        self._chains: dict[str, list] = {}
        self._run_props: dict[tuple, dict] = {}
        self._para_props: dict[str | None, dict] = {}

    def para_style_id(self, ppr) -> str | None:
        """The paragraph's style id (its w:pStyle if defined, else the default)."""
        ps = ppr.find(W_PSTYLE) if ppr is not None else None
        sid = ps.get(W_VAL) if ps is not None else None
        return sid if sid in self._by_id else self._default_para

    def style_name(self, sid: str | None) -> str | None:
        """The style's UI name ("Heading 1", "List Paragraph"), else its id."""
        return self._names.get(sid, sid) if sid else None

    def chain(self, sid: str | None) -> list:
        """The style and its basedOn ancestors, nearest first (cycle-safe)."""
        if sid is None:
            return []
        cached = self._chains.get(sid)
        if cached is None:
            cached, seen, cur = [], set(), sid
            while cur in self._by_id and cur not in seen:
                seen.add(cur)
                st = self._by_id[cur]
                cached.append(st)
                based = st.find(qn("w:basedOn"))
                cur = based.get(W_VAL) if based is not None else None
            self._chains[sid] = cached
        return cached

    def inherited_para_props(self, sid: str | None) -> dict:
        """Numbering ("numId", "ilvl") a paragraph gets from its style chain.

        numId and ilvl are resolved separately: a style may set only one of them."""
        props = self._para_props.get(sid)
        if props is None:
            props = {}
            pprs = [st.find(W_PPR) for st in self.chain(sid)] + [self._default_ppr]
            for ppr in pprs:
                if ppr is None:
                    continue
                numpr = ppr.find(W_NUMPR)
                if numpr is not None:
                    for key, tag in (("numId", W_NUMID), ("ilvl", W_ILVL)):
                        el = numpr.find(tag)
                        if el is not None:
                            props.setdefault(key, el.get(W_VAL))
            self._para_props[sid] = props
        return props

    def inherited_run_props(self, para_sid, run_sid, table_sid) -> dict:
        """Run properties (RUN_PROPS) from styles and defaults, before the run's own rPr."""
        key = (para_sid, run_sid, table_sid)
        props = self._run_props.get(key)
        if props is None:
            props = {}
            chain = self.chain(run_sid) + self.chain(para_sid) + self.chain(table_sid)
            for rpr in [st.find(W_RPR) for st in chain] + [self._default_rpr]:
                if rpr is None:
                    continue
                for el in rpr:
                    if el.tag in RUN_PROPS and el.tag not in props:
                        props[el.tag] = run_prop_value(el)
            self._run_props[key] = props
        return props


class ListNumbering:
    """Which numbering definitions word/numbering.xml holds, to tell list paragraphs."""

    def __init__(self, document):
        self._nums: set[str] = set()
        try:
            # part_related_by, not document.part.numbering_part: that one creates
            # an empty numbering part when the document has none.
            root = document.part.part_related_by(RT.NUMBERING).element
        except KeyError:
            return
        self._nums = {n.get(qn("w:numId")) for n in root.findall(qn("w:num"))}

    def list_level(self, ppr, inherited: dict) -> int | None:
        """The paragraph's list level (w:ilvl, 0-based), or None if it is no list item.

        List membership comes from w:numPr on the paragraph, else from its style
        chain (``inherited``: StyleSheet.inherited_para_props).  numId 0 means
        "numbering removed" and beats a numbered style; a numId that numbering.xml
        does not define shows no marker in Word either.
        """
        numpr = ppr.find(W_NUMPR) if ppr is not None else None
        nid = numpr.find(W_NUMID) if numpr is not None else None
        lvl = numpr.find(W_ILVL) if numpr is not None else None
        num_id = nid.get(W_VAL) if nid is not None else inherited.get("numId")
        ilvl = lvl.get(W_VAL) if lvl is not None else inherited.get("ilvl")
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return None
        return int(ilvl) if ilvl and ilvl.isdigit() else 0
