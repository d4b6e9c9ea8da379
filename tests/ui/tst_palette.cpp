// Colours come from the palette: under a dark palette and a light one, every text NetAssist colours itself (errors,
// refused input) keeps a readable contrast with the background it is drawn on. NETASSIST_SCREENSHOT_DIR=DIR also
// saves what the window looks like in each, for a person to look at.

#include "pagelookup.h"
#include "sendpanel.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QStyleFactory>

#include <cmath>
#include <QTest>

class tst_Palette : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void errorsReadOnEveryPalette_data();
    void errorsReadOnEveryPalette();
};

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe6, 0xe6, 0xe6);
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::Window, window);
        p.setColor(group, QPalette::WindowText, text);
        p.setColor(group, QPalette::Base, base);
        p.setColor(group, QPalette::AlternateBase, window);
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::Button, window);
        p.setColor(group, QPalette::ButtonText, text);
        p.setColor(group, QPalette::Highlight, QColor(0x3d, 0x6e, 0xb4));
        p.setColor(group, QPalette::HighlightedText, Qt::white);
    }
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

// WCAG relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a) + 0.05;
    const double lb = luminance(b) + 0.05;
    return std::max(la, lb) / std::min(la, lb);
}

} // namespace

void tst_Palette::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion"))); // one that follows the palette
}

void tst_Palette::errorsReadOnEveryPalette_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<QString>("name");
    QTest::newRow("light") << QApplication::style()->standardPalette() << "light";
    QTest::newRow("dark") << darkPalette() << "dark";
}

void tst_Palette::errorsReadOnEveryPalette()
{
    QFETCH(QPalette, palette);
    QFETCH(QString, name);
    QApplication::setPalette(palette);
    MainWindow window;
    window.resize(1200, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    ClientPage *client = clientPageOf(window);
    FIND(QLineEdit, port, client, "clientPort");
    port->setText(QStringLiteral("70000")); // refused input: a red line under the row
    client->sendPanel()->setText(QStringLiteral("01 0G"));
    Payload::Spec spec = client->sendPanel()->spec();
    spec.mode = Payload::Mode::Hex;
    client->sendPanel()->setSpec(spec);
    FIND(QLabel, inputError, client, "clientInputError");
    FIND(QLabel, sendError, client, "sendError");
    QTRY_VERIFY(sendError->isVisibleTo(client));
    QVERIFY(inputError->isVisibleTo(client));
    for (QLabel *label : {inputError, sendError}) {
        const QColor text = label->palette().color(QPalette::WindowText);
        const QColor background = label->parentWidget()->palette().color(QPalette::Window);
        QVERIFY2(text.red() > text.green() && text.red() > text.blue(), qPrintable(label->objectName())); // red
        QVERIFY2(contrast(text, background) >= 3.0,
            qPrintable(QStringLiteral("%1: contrast %2 on %3")
                           .arg(label->objectName())
                           .arg(contrast(text, background))
                           .arg(name)));
    }
    const QString dir = qEnvironmentVariable("NETASSIST_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(window.grab().save(dir + QStringLiteral("/palette-%1.png").arg(name)));
}

QTEST_MAIN(tst_Palette)
#include "tst_palette.moc"
