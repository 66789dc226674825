"""Meeting material: a report's content is built once (``model``) and drawn as a deck
(PPTX), a self-contained HTML page or a PDF."""
