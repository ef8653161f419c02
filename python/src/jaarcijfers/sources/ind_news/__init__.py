"""The IND's news pages: figures transcribed one row per printed figure into CSV files
(publications/ind_news/), merged into seeds/raw/ind_news/. See docs/sources/ind_news.md.

figures_file reads and checks a file against the catalogues; printed_values reads the printed
forms (values, periods, dates, page addresses); seeds merges files into the seeds and checks
them; source is what the command line calls (SOURCE).
"""

from jaarcijfers.sources.ind_news.source import SOURCE

__all__ = ["SOURCE"]
