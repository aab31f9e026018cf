"""`embed/timeline/`: the timeline as a page of its own for other sites' frames
(embed.html): the picture and the list, without the site's header, navigation or footer,
every link opening the full site outside the frame.

It is a whole HTML document, written beside the feed and calendar rather than rendered
into the theme's shell. The page tells the page that embeds it how tall it is
(`postMessage`, `HEIGHT_MESSAGE`); `?type=call` shows one type of event, and without
script it shows every event."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from markupsafe import Markup

from explainer.rendering import Links, RenderContext
from explainer.templating import HeadingStyle
from explainer.urls import relative_url
from explainer.views.base import TIMELINE
from explainer.views.timeline import TimelineView
from explainer.visuals.timeline_chart import timeline_chart
from explainer.vocabulary import EMBED_TIMELINE

#: the `type` of the message the page sends its embedding page, with its `height`
HEIGHT_MESSAGE = "explainer:height"
#: the frame's height in the embed code, before the page has said its own
FRAME_HEIGHT = 800
#: what a page that embeds the timeline adds once to follow its height (README)
LISTENER = (
    '<script>addEventListener("message",function(e){if(e.data&&e.data.type==="'
    + HEIGHT_MESSAGE
    + '")document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow==='
    'e.source)f.style.height=e.data.height+"px"})})</script>'
)
#: every link leaves the frame for the full site, except those within the page
_LINK = re.compile(r'<a href="(?!#)')


@dataclasses.dataclass(frozen=True)
class EmbedCode:
    """What the timeline page offers to copy."""

    frame: str
    height: int = FRAME_HEIGHT
    listener: str = LISTENER


def embed_code(ctx: RenderContext) -> EmbedCode:
    """The code for a site with a site_url (the timeline page offers none without one: a
    relative address works on no other site)."""
    src = ctx.urls.absolute(ctx.urls.page(ctx.language, EMBED_TIMELINE))
    assert src is not None, "the embed code needs the site's address (site_url)"
    title = ctx.t("embed.frame.title")
    frame = (
        f'<iframe src="{Markup.escape(src)}" title="{Markup.escape(title)}" width="100%" '
        f'height="{FRAME_HEIGHT}" style="border:0;max-width:100%" loading="lazy"></iframe>'
    )
    return EmbedCode(frame)


class EmbedTimelineView(TimelineView):
    path = EMBED_TIMELINE
    template = "embed.html"
    in_nav = False

    def __init__(
        self, ctx: RenderContext, site_name: str, stylesheet: str, short_name: str | None = None
    ) -> None:
        """`stylesheet`: where the generated pages' CSS is, relative to the site root;
        `short_name`: the site's name in the tab, where one is set (the source line under
        the timeline names the site in full)."""
        # no permanent links on the headings: a reader of the frame has no address bar
        plain = HeadingStyle(None, ctx.headings.slugify, ctx.headings.separator)
        super().__init__(dataclasses.replace(ctx, headings=plain))
        self.site_name, self.stylesheet = site_name, stylesheet
        self.short_name = short_name

    def context(self) -> dict[str, Any]:
        urls, language = self.ctx.urls, self.ctx.language
        timeline = urls.page(language, TIMELINE)
        here = urls.page(language, self.path)
        ctx = self.ctx
        links = Links(ctx, self.path)

        def href(path: str, anchor: str | None) -> str:
            if path == TIMELINE and anchor:  # the list is on this page
                return f"#{anchor}"
            return links.address(path, anchor)

        return {
            **super().context(),
            "chart": Markup(timeline_chart(ctx, href, "viz-timeline")),
            "embedded": True,
            "site_name": self.site_name,
            "tab_name": self.short_name or self.site_name,
            "canonical": urls.absolute(timeline) or relative_url(timeline, here),
            "timeline_href": relative_url(timeline, here),
            "stylesheet": relative_url(self.stylesheet, here),
            "height_message": HEIGHT_MESSAGE,
        }


def embed_page(
    ctx: RenderContext, site_name: str, stylesheet: str, short_name: str | None = None
) -> bytes:
    """The embed page of one language, as the file's bytes."""
    page = EmbedTimelineView(ctx, site_name, stylesheet, short_name).render()
    return _LINK.sub('<a target="_top" href="', page.html).encode("utf-8")
