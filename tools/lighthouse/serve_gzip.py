"""A static server for Lighthouse that compresses text with gzip, as GitHub Pages does
(an uncompressed local server would make Lighthouse measure bytes no reader downloads).

Usage: python serve_gzip.py DIRECTORY PORT   (binds 127.0.0.1 only)
"""

from __future__ import annotations

import gzip
import http.server
import os
import sys
from functools import partial

TEXT = ("text/", "application/javascript", "application/json", "application/xml", "image/svg")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.end_headers()
                return
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(404)
            return
        with open(path, "rb") as file:
            body = file.read()
        kind = self.guess_type(path)
        compress = kind.startswith(TEXT) and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


if __name__ == "__main__":
    directory, port = sys.argv[1], int(sys.argv[2])
    handler = partial(GzipHandler, directory=directory)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
