"""Boilerplate hiding leaves an article's own lines alone."""

from __future__ import annotations

from desktop.core.views import ViewOptions, build_view


def test_pictures_after_the_last_paragraph_are_not_a_link_list() -> None:
    """Three figure lines under an article's last paragraph were taken for a list of
    short links and hidden from the clean view."""
    para = "第{}段正文，说的是西湖的一处风景，写得很长很长，长到四十个字以上才算一段真正的文章。\n"
    body = "".join(para.format(i) for i in range(8))
    text = body + "［图：断桥残雪］\n［图：雷峰夕照］\n［图］\n"
    shown = build_view(text, ViewOptions()).text
    assert shown.count("［图") == 3
