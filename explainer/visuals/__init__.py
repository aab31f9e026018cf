"""Build-time SVG pictures of the story: a timeline, the key figures, who talks to whom.

Inline SVG, no JavaScript, no request to anyone: the same data as the lists beside them
(which stay the text alternative). Each picture is `role="img"` with a title and a
description in the page's language; shapes and patterns, never colour alone, tell types
apart; the output depends on the data only (byte-identical between builds)."""
