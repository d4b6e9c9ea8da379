#include "statuscolors.h"

#include <QPalette>
#include <QWidget>

namespace StatusColors {

QColor error(const QPalette &palette)
{
    // Against the background the text is drawn on; its lightness tells a light theme from a dark one.
    const bool darkBackground = palette.color(QPalette::Window).lightness() < 128;
    return darkBackground ? QColor(0xff, 0x7a, 0x7a) : QColor(0xc0, 0x1c, 0x1c);
}

void mark(QWidget *widget, Tone tone)
{
    if (tone == Normal) {
        widget->setPalette(QPalette()); // nothing of its own: it inherits again
        return;
    }
    const QWidget *parent = widget->parentWidget();
    const QColor color = error(parent ? parent->palette() : widget->palette());
    QPalette palette;
    palette.setColor(QPalette::WindowText, color);
    palette.setColor(QPalette::Text, color);
    widget->setPalette(palette);
}

} // namespace StatusColors
