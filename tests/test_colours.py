"""One colour per channel group and per channel, whatever chart draws it and whatever order
the data came in."""

from __future__ import annotations

import colorsys

import pandas as pd

from analytics import charts
from analytics.charts import CHANNEL_GROUP_COLOURS
from analytics.charts import pilots as pilot_charts
from analytics.charts import reasons as reason_charts
from analytics.charts.colours import channel_colour, channel_colours, group_colour, group_order, name_position

CHANNELS = pd.DataFrame({
    "channel": ["Phone", "Callback", "Chatbot", "Live chat", "WhatsApp", "E-mail", "Web form", "Post", "In store"],
    "channel_group": ["voice", "voice", "chat", "chat", "chat", "written", "written", "written", "personal"],
})


def _hue(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0]


def _bar_colours(fig) -> dict[str, str]:
    return {trace.name: trace.marker.color for trace in fig.data if trace.type == "bar"}


def test_the_same_channel_has_the_same_colour_in_two_charts_from_differently_ordered_data():
    by_group = CHANNELS.assign(contacts=range(10, 10 + len(CHANNELS)))
    overview = charts.channel_group_chart(by_group.iloc[::-1])  # reversed rows
    periods = pd.date_range("2026-04-06", periods=3, freq="7D")
    mix = pd.DataFrame([(p, c, g, 5) for p in periods for c, g in zip(CHANNELS["channel"], CHANNELS["channel_group"])],
                       columns=["period", "channel", "channel_group", "contacts"]).sample(frac=1, random_state=3)
    channel_mix = reason_charts.channel_mix_chart(mix, by="channel",
                                                  labels={"contacts": "Contacts", "share": "Share"}, group_names={})
    in_overview, in_mix = _bar_colours(overview), _bar_colours(channel_mix)
    assert set(in_overview) == set(in_mix) == set(CHANNELS["channel"])
    assert in_overview == in_mix
    # a chart showing only two of the channels gives them the same colours again
    two = reason_charts.channel_mix_chart(mix[mix["channel"].isin(["Phone", "WhatsApp"])], by="channel",
                                          labels={"contacts": "Contacts", "share": "Share"}, group_names={})
    assert _bar_colours(two) == {c: in_overview[c] for c in ("Phone", "WhatsApp")}


def test_channels_are_shades_of_their_group_in_alphabetical_order():
    for group, rows in CHANNELS.groupby("channel_group"):
        names = sorted(rows["channel"])
        colours = [channel_colour(n, group) for n in names]
        assert len(set(colours)) == len(colours), group  # distinct within the group
        assert all(abs(_hue(c) - _hue(CHANNEL_GROUP_COLOURS[group])) < 0.02 for c in colours), group  # its hue
        lightness = [colorsys.rgb_to_hls(*(int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)))[1] for c in colours]
        assert lightness == sorted(lightness), group  # dark to light by name
    assert name_position("callback") == name_position("Callback")
    assert channel_colours(CHANNELS)["Phone"] == channel_colour("Phone", "voice")


def test_every_group_colour_is_distinct_and_unknown_groups_are_neutral():
    colours = list(CHANNEL_GROUP_COLOURS.values())
    assert len(set(colours)) == len(colours)
    hues = sorted(_hue(c) for g, c in CHANNEL_GROUP_COLOURS.items() if g != "other")
    assert min(b - a for a, b in zip(hues, hues[1:])) > 0.05  # the coloured groups differ in hue, not only shade
    assert group_colour("voice") == CHANNEL_GROUP_COLOURS["voice"]
    assert group_colour("telepathy") == charts.NEUTRAL
    assert group_order(["written", "mystery", "voice"]) == ["voice", "written", "mystery"]


def test_group_mix_and_spill_over_use_the_same_colours():
    periods = pd.date_range("2026-04-06", periods=2, freq="7D")
    mix = pd.DataFrame([(p, c, g, 5) for p in periods for c, g in zip(CHANNELS["channel"], CHANNELS["channel_group"])],
                       columns=["period", "channel", "channel_group", "contacts"])
    by_group = reason_charts.channel_mix_chart(mix, by="group", labels={"contacts": "Contacts", "share": "Share"},
                                               group_names={"voice": "telefoon"})
    assert _bar_colours(by_group)["telefoon"] == CHANNEL_GROUP_COLOURS["voice"]
    rows = pd.DataFrame({"label": ["Phone", "chat"], "effect": [10.0, -5.0], "low": [2.0, -9.0], "high": [18.0, -1.0],
                         "significant": [True, False],
                         "colour": [channel_colour("Phone", "voice"), group_colour("chat")]})
    forest = pilot_charts.forest_chart(rows, x_title="Contacts", percent=False)
    labels = list(forest.data[0].y)
    assert any(channel_colour("Phone", "voice") in label and label.endswith("Phone") for label in labels)
    assert any(CHANNEL_GROUP_COLOURS["chat"] in label for label in labels)


def test_reason_by_channel_columns_carry_the_channel_colour():
    cells = pd.DataFrame({"reason": ["Delivery", "Delivery", "Order"], "channel": ["Phone", "Chatbot", "Phone"],
                          "contacts": [5, 3, 2], "share_of_reason": [0.625, 0.375, 1.0]})
    fig = reason_charts.reason_channel_heatmap(cells, value="contacts", labels={"contacts": "Contacts"},
                                               channel_groups={"Phone": "voice", "Chatbot": "chat"})
    ticks = dict(zip(fig.layout.xaxis.tickvals, fig.layout.xaxis.ticktext))
    assert channel_colour("Phone", "voice") in ticks["Phone"] and ticks["Phone"].endswith("Phone")
    assert channel_colour("Chatbot", "chat") in ticks["Chatbot"]
