#pragma once

#include <QColor>

class QPalette;
class QWidget;

// The one colour NetAssist adds to the palette: the red of an error or a refused input. Taken from the palette's
// own background, so that it reads on a light and on a dark theme alike (a fixed #d03030 in style sheets did not
// on dark ones), and set as palette roles rather than a style sheet, so the platform style still draws the widget.
namespace StatusColors {

enum Tone { Normal, Error };

QColor error(const QPalette &palette);
// Text of widget in the tone (Normal: what it inherits).
void mark(QWidget *widget, Tone tone);

} // namespace StatusColors
