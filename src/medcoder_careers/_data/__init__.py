"""The packaged data files and how they are read.

- `reads`: safe reads of a data file (regular files only, bounded);
- `manifest`: what a directory holds, its manifest, every release's digest;
- `codec`: the one cattrs converter of the data format;
- `strict`: the strict reader, every check (`load`);
- `trusted`: the packaged data's records built without re-running their checks
  (`assemble`, for the JSON files and the table files alike; `catalog`);
- `table`: a statistical table file (SQLite): only what a query asks read;
- `store`: `Store`, a directory's files each read at most once, and `Lazy`.
"""
