#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# html-check.py FILE [TAG[.CLASS] ...]: checks that an html report stands alone and is well
# formed enough for a browser to read it as meant (xmllint is not a dependency): every
# element that is opened is closed, in order; nothing is fetched (no http:// or https://,
# no src or href but fragments); then prints, for each TAG or TAG.CLASS asked, how many
# such elements there are. Exits 1 naming the first problem.
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.counts, self.problems = [], {}, []

    def count(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1
        for cls in (dict(attrs).get("class") or "").split():
            self.counts[tag + "." + cls] = self.counts.get(tag + "." + cls, 0) + 1
        for name, value in attrs:
            if name in ("src", "href", "xlink:href") and not (value or "").startswith("#"):
                self.problems.append("%s %s=%r fetches something" % (tag, name, value))

    def handle_starttag(self, tag, attrs):
        self.count(tag, attrs)
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        self.count(tag, attrs)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            open_ = self.stack[-1] if self.stack else ("nothing", (0, 0))
            self.problems.append("line %d: </%s> closes <%s> of line %d" % (self.getpos()[0], tag, open_[0], open_[1][0]))
            return
        self.stack.pop()


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    c = Check()
    c.feed(text)
    c.close()
    if "http://" in text or "https://" in text:
        c.problems.append("a reference to the network: " + text[text.find("http"):][:60])
    for tag, pos in c.stack:
        c.problems.append("line %d: <%s> never closed" % (pos[0], tag))
    if c.problems:
        print(c.problems[0], file=sys.stderr)
        return 1
    for want in sys.argv[2:]:
        print(want, c.counts.get(want, 0))
    return 0


sys.exit(main())
