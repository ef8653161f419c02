"""The IND's annual figures publication (Jaarcijfers): one text per edition in
publications/jaarcijfers/, extracted into seeds/raw/jaarcijfers/. See docs/sources/jaarcijfers.md.

edition reads a publication text (titles, sections, footnotes), handing its tables to tables and
its top-3 lists to top3, with lines decoding the text and keeping the position; printed_figures
says which printed forms are figures; catalogue holds the reference seeds that place every line;
completeness compares an edition with the previous complete one; provenance writes its row of
seeds/reference/publication_sources.csv; records are the rows and seeds writes them; source is
what the command line calls (SOURCE).
"""

from jaarcijfers.sources.jaarcijfers.source import SOURCE

__all__ = ["SOURCE"]
