#include "logrowpainter.h"

#include <QPainter>

#include <algorithm>

namespace {

// Bodies longer than this are cut to what fits on screen before drawing: text layout cost grows with length.
constexpr int LongBody = 2000;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

LogRowPainter::LogRowPainter(QPainter *painter, const QPalette &palette, const Geometry &geometry)
    : m_painter(painter)
    , m_palette(palette)
    , m_geometry(geometry)
{ }

// Fixed pairs rather than palette roles: no role means "TX" or "event", and these were checked on Fusion's light
// and dark palettes. RX follows Link where that is readable on the base colour.
QColor LogRowPainter::bodyColor(const QPalette &palette, Direction direction)
{
    const bool dark = isDark(palette);
    switch (direction) {
    case Direction::Rx: {
        const QColor link = palette.color(QPalette::Link);
        const bool readable = dark ? link.lightness() >= 150 : link.lightness() <= 110;
        return readable ? link : (dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x00, 0x4c, 0xc8));
    }
    case Direction::Tx:
        return dark ? QColor(0x79, 0xd2, 0x79) : QColor(0x0a, 0x7a, 0x0a);
    case Direction::Event:
        return dark ? QColor(0xe8, 0xa8, 0x4a) : QColor(0xa0, 0x50, 0x00);
    }
    return palette.color(QPalette::Text);
}

// The classic find-highlight yellow (amber on dark bases): readable under both body colours and the selection.
QColor LogRowPainter::matchColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x8a, 0x6d, 0x00) : QColor(0xff, 0xe0, 0x4d);
}

int LogRowPainter::draw(const RenderedRow &row, int y, int bodyX, bool selected, Span match)
{
    const Geometry &g = m_geometry;
    if (selected)
        m_painter->fillRect(0, y, g.viewportWidth, g.rowHeight, m_palette.color(QPalette::Highlight));
    const int baseline = y + g.ascent;
    if (!row.continuation && !row.header.isEmpty()) {
        m_painter->setPen(
            selected ? m_palette.color(QPalette::HighlightedText) : m_palette.color(QPalette::PlaceholderText));
        m_painter->drawText(QPoint(g.xOffset, baseline), row.header);
    }

    int x = g.xOffset + bodyX;
    if (match.length > 0) {
        // Fixed pitch: a character's place is its index times the advance, so no layout is needed.
        const qint64 left = qint64(x) + qint64(match.start) * g.charWidth;
        const qint64 width = qint64(match.length) * g.charWidth;
        if (left < g.viewportWidth && left + width > 0) {
            const int l = int(std::max<qint64>(left, -1));
            const int r = int(std::min<qint64>(left + width, g.viewportWidth + 1));
            m_painter->fillRect(l, y, r - l, g.rowHeight, matchColor(m_palette));
        }
    }

    QString body = row.body;
    const qsizetype chars = std::min<qsizetype>(body.size(), INT_MAX / 64);
    const int needed = bodyX + int(chars) * g.charWidth;
    if (body.size() > LongBody) {
        // Skip what is left of the viewport, keep a screenful.
        const int skip = std::max(0, -x / g.charWidth - 8);
        body = body.mid(skip, g.viewportWidth / g.charWidth + 16);
        x += skip * g.charWidth;
    }
    m_painter->setPen(selected ? m_palette.color(QPalette::HighlightedText) : bodyColor(m_palette, row.direction));
    m_painter->drawText(QPoint(x, baseline), body);
    return needed;
}
