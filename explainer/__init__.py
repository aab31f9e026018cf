"""Static multilingual explainer sites from one YAML data file.

Pipeline: `loader` (read + locate) -> `schema`, `rules` (validate) -> `model` ->
`views` (render per language). `site` ties them together for the MkDocs hooks and the
command line (`python -m explainer`).
"""
