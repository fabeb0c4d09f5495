"""Policy Q&A assistant: retrieval-augmented answers about Chinese policy documents, with
citations to the documents' own sections.

Data flow (one module each): documents → sections → embedding → index → retrieval →
generation → citations → engine. See ``shared/DESIGN.md``.
"""

__version__ = "0.1.0"
