"""Sphinx configuration for the medcoder-careers documentation."""

from __future__ import annotations

import sys
from pathlib import Path

from sphinx.application import Sphinx

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import medcoder_careers as mc  # noqa: E402

project = "medcoder-careers"
author = "the medcoder-careers developers"
copyright = "2026, the medcoder-careers developers"  # noqa: A001 - Sphinx's name
release = mc.__version__
version = mc.DATA_VERSION

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
# The data model's attrs classes document their fields under "Attributes:";
# autodoc would list each field a second time.
autodoc_class_signature = "separated"
nitpicky = False

doctest_global_setup = "import medcoder_careers as mc\nfrom medcoder_careers import *"

html_theme = "furo"
html_title = f"medcoder-careers {release}"
# The career atlas's sortable tables: a few lines of script and style, served locally.
html_static_path = ["_static"]
html_js_files = ["atlas-sort.js"]
html_css_files = ["atlas.css"]
# The atlas's pages are generated: their MyST text is no use to a reader, and would double
# the site's size. (Search summaries come from the built pages, not from _sources.)
html_copy_source = False


def _generate(app: Sphinx) -> None:
    """Write the pages made from the packaged data and the CLI parser, and the career atlas."""
    from _generate import write_pages  # noqa: PLC0415 - docs-only helper

    write_pages(Path(app.srcdir) / "_generated")


def setup(app: Sphinx) -> None:
    """Hook page generation into the build, and keep str's and int's help off the API page."""
    from _autodoc import drop_type_docstrings  # noqa: PLC0415 - docs-only helper

    app.connect("builder-inited", _generate)
    app.connect("autodoc-process-docstring", drop_type_docstrings)
