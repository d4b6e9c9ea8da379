#pragma once

#include "log/logrenderer.h"

#include <QColor>
#include <QPalette>

class QPainter;

// Draws one log row of LogView: the header in a muted colour, the body in its direction's colour, the selection
// and a search match's span. Kept apart from the view so that how a row looks is one small file, and the view only
// decides which rows to draw and where.
class LogRowPainter
{
public:
    // Where and how big: all in viewport pixels of a fixed-pitch font.
    struct Geometry
    {
        int xOffset = 0; // x of column 0 (margin minus horizontal scroll)
        int charWidth = 1;
        int rowHeight = 1;
        int ascent = 0;
        int viewportWidth = 0;
    };
    // A highlighted span in the row's body, in characters of RenderedRow::body; length 0 = none.
    struct Span
    {
        qsizetype start = 0;
        qsizetype length = 0;
    };

    LogRowPainter(QPainter *painter, const QPalette &palette, const Geometry &geometry);

    // bodyX: where the body starts, relative to xOffset. Returns the pixel width the row would need unclipped.
    int draw(const RenderedRow &row, int y, int bodyX, bool selected, Span match);

    static QColor bodyColor(const QPalette &palette, Direction direction);
    static QColor matchColor(const QPalette &palette);

private:
    QPainter *m_painter;
    const QPalette &m_palette;
    Geometry m_geometry;
};
