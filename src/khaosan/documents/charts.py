"""Charts drawn on the server with matplotlib, as SVG whose text stays text.

`svg.fonttype = none` leaves every label a <text> element, so the browser (or Chromium printing a PDF)
shapes the Thai with its own fonts: matplotlib alone places Thai vowels and tone marks badly. Nothing is
fetched from outside; the SVG has no script.
"""

import io
import threading

import matplotlib

matplotlib.use("Agg")  # no display on a server

import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
from matplotlib import dates as mdates  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

FONTS = ["Sarabun", "TH Sarabun New", "Noto Sans Thai", "Loma", "Garuda", "DejaVu Sans"]
INK, BRAND, GRID = "#1f2937", "#0f6e4f", "#d1d5db"
WARN = "#b45309"  # bars that stand out (beyond a deadline): dark orange, 4.5:1 on white
_lock = threading.Lock()  # pyplot keeps global state: one figure at a time per process


def _style():
    return {
        "svg.fonttype": "none",
        "font.family": "sans-serif",
        "font.sans-serif": FONTS,
        "font.size": 11,
        "axes.edgecolor": GRID,
        "axes.labelcolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.hashsalt": "khaosan",  # the same data gives the same bytes (ETags, tests)
    }


def _svg(figure):
    out = io.StringIO()
    figure.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    return out.getvalue().encode("utf-8")


def line_chart_svg(days, values, *, label, y_max=None, width=7.5, height=2.8, date_format=None):
    """A line over dates (e.g. the completeness score by day); `date_format` turns a date into its tick text."""
    with _lock, plt.rc_context(_style()):
        figure, axes = plt.subplots(figsize=(width, height))
        axes.plot(days, values, color=BRAND, linewidth=2, marker="o" if len(days) < 40 else None, markersize=3)
        axes.set_ylabel(label)
        axes.grid(axis="y", color=GRID, linewidth=0.6)
        if y_max is not None:
            axes.set_ylim(0, y_max)
        if date_format is not None:
            axes.xaxis.set_major_formatter(lambda x, _pos: date_format(mdates.num2date(x).date()))
            axes.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=7))
        return _svg(figure)


def bar_chart_svg(labels, values, *, label, width=7.5, height=2.8, horizontal=False, colors=None, y_max=None):
    """Bars with a label each (e.g. requests per month).

    `colors` gives each bar its own colour; `y_max` fixes the scale (a score out of 5).
    """
    with _lock, plt.rc_context(_style()):
        figure, axes = plt.subplots(figsize=(width, height))
        color = colors if colors is not None else BRAND
        if horizontal:
            axes.barh(labels, values, color=color)
            axes.invert_yaxis()
            axes.set_xlabel(label)
            axes.grid(axis="x", color=GRID, linewidth=0.6)
        else:
            axes.bar(labels, values, color=color)
            axes.set_ylabel(label)
            if y_max is not None:
                axes.set_ylim(0, y_max)
            axes.grid(axis="y", color=GRID, linewidth=0.6)
            axes.tick_params(axis="x", labelrotation=45 if len(labels) > 6 else 0)
        if all(isinstance(v, int) for v in values):  # counts: no tick at 0.5 of a request
            (axes.xaxis if horizontal else axes.yaxis).set_major_locator(MaxNLocator(integer=True))
        axes.set_axisbelow(True)
        return _svg(figure)
