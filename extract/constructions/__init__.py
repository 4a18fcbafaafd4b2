"""The construction layer: how Vietnamese official news says things, read once for every field.

Field readers (``extract.fields``) find facts; they read the text through these modules and never through
one another:

* ``structure`` — lines hard-wrapped inside a sentence, rejoined before sentence splitting;
* ``quotes`` — quoted names and slogans, quotations broken over a line;
* ``numerals`` — counts ("03 tập thể", "hai đơn vị"), years, school years, periods, document numbers,
  the article's reviewed and pledged emulation years;
* ``units`` — unit and organisation names (Sở, Cục, Trường, Công an, UBND, Ban, Hội, …) with the province
  or district attached, officials' positions, the authority acting before a verb;
* ``lists`` — lists of units after an opener (gồm, bao gồm, là, a colon), one per bulleted line or table
  row, with named items, persons and unnamed counts;
* ``tables`` — results tables printed as text, and units named by their rank in them;
* ``places`` — the province an article is about, whether it speaks from one province, the home province
  of a provincial unit written without one.

Vocabulary is data (``extract/rules/*.jsonl``, ``data/gazetteers/*.csv``), compiled by ``extract.patterns``.
"""
