"""One module per translation check; each turns aligned :class:`Pair` objects into findings.

Every check module offers ``find(pairs, context) -> list[Finding]`` (findings without ids;
:func:`glossary.check.check_translation` numbers them once all checks have run).
"""
