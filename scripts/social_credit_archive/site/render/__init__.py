"""Pure functions from archive records to page Markdown: no MkDocs, no clock, no I/O."""
