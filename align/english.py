"""English word lists and a rough singular, shared by the aligner's dictionary evidence
(:mod:`align.cedict`) and the glossary's term extraction (``glossary.en_terms``)."""

from __future__ import annotations

# Closed-class words: never at a term's edge, most never inside one.
STOP = frozenset(
    """a an the this that these those such its their his her our your my it they we he she them us you i
    and or nor but if then than as at by for from in into of on onto to under upon with within without
    against among between through during before after above below over about towards toward via per
    is are was were be been being am do does did done has have had having will would shall should may
    might must can could not no yes also only very more most less least much many some any all each
    every both either neither other another same own so too just even still yet already again further
    there here where when while which who whom whose what how why whether because since although though
    unless until upon thereby therein thereof thereon hereby inter alia etc i.e. e.g. vis-à-vis
    one two three four five six seven eight nine ten first second third well including include includes
    regard regards way ways order view behalf particular respect accordance addition part line light
    january february march april may june july august september october november december
    mindful aware convinced concerned determined deeply hereby thereof
    cannot therefore however furthermore moreover notwithstanding pending thus hence namely mr ms mrs""".split()
)
# Connectors allowed inside a term (never at its edge).
CONNECTORS = frozenset("of on for the and or to in".split())


def singular(word: str) -> str:
    """A rough singular of an English noun, enough to fold zone/zones, assurance/assurances."""
    lower = word.lower()
    if len(lower) <= 3 or lower.endswith(("ss", "us", "is", "ics")):
        return lower
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return lower[:-2]
    if lower.endswith("s"):
        return lower[:-1]
    return lower
