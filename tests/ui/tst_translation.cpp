#include "language.h"
#include "pagelookup.h"
#include "widgetlookup.h"

#include <QFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTest>
#include <QXmlStreamReader>

// The zh_CN translation is embedded, loads, reaches the widgets, and is complete; so is the English one, which holds
// only plural forms.
class tst_Translation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tsFileHasNoUnfinishedEntries_data();
    void tsFileHasNoUnfinishedEntries();
    void translationsKeepEveryPlaceholder_data();
    void translationsKeepEveryPlaceholder();
    void chineseReachesTheWidgets();
};

void tst_Translation::tsFileHasNoUnfinishedEntries_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("atLeast"); // messages: every string, or (English) every plural
    QTest::newRow("zh_CN") << QStringLiteral("netassist_zh_CN.ts") << 500;
    QTest::newRow("en plurals") << QStringLiteral("netassist_en.ts") << 5;
}

void tst_Translation::tsFileHasNoUnfinishedEntries()
{
    QFETCH(QString, file);
    QFETCH(int, atLeast);
    const QString source = qEnvironmentVariable("NETASSIST_SOURCE_DIR");
    QVERIFY2(!source.isEmpty(), "ctest sets NETASSIST_SOURCE_DIR");
    QFile ts(source + QStringLiteral("/translations/") + file);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray text = ts.readAll();
    QVERIFY(text.count("<message") >= atLeast);
    QCOMPARE(text.count("<numerusform></numerusform>"), 0);
    QCOMPARE(text.count("type=\"unfinished\""), 0);
    QCOMPARE(text.count("<translation></translation>"), 0);
}

void tst_Translation::translationsKeepEveryPlaceholder_data()
{
    tsFileHasNoUnfinishedEntries_data();
}

namespace {

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

} // namespace

// A translation that lost a %1 (or gained one) shows a raw "%2" or drops a value in the window: each translation
// (every plural form) must hold exactly the source's placeholders.
void tst_Translation::translationsKeepEveryPlaceholder()
{
    QFETCH(QString, file);
    QFile ts(qEnvironmentVariable("NETASSIST_SOURCE_DIR") + QStringLiteral("/translations/") + file);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QString source;
    int checked = 0;
    QStringList wrong;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
            continue;
        }
        if (xml.name() != QLatin1String("translation")
            || xml.attributes().value(QLatin1String("type")) == QLatin1String("vanished"))
            continue;
        const auto check = [&](const QString &translation) {
            ++checked;
            if (placeholders(translation) != placeholders(source))
                wrong.append(source + QStringLiteral(" -> ") + translation);
        };
        // Plain text, or one <numerusform> per plural form, each checked on its own.
        QString text;
        bool forms = false;
        while (!xml.atEnd() && !(xml.isEndElement() && xml.name() == QLatin1String("translation"))) {
            xml.readNext();
            if (xml.isCharacters()) {
                text += xml.text();
            } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                forms = true;
                check(xml.readElementText());
            }
        }
        if (!forms && !text.trimmed().isEmpty())
            check(text);
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(checked > 0);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
}

void tst_Translation::chineseReachesTheWidgets()
{
    QCOMPARE(Language::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    MainWindow window;
    QCOMPARE(window.tabs()->tabText(0), QString::fromUtf8("客户端 127.0.0.1:8000"));
    QCOMPARE(window.tabs()->tabText(1), QString::fromUtf8("服务器 :8000"));
    QCOMPARE(window.tabs()->tabText(2), QString::fromUtf8("UDP :9000"));
    FIND(QPushButton, bind, udpPageOf(window), "udpBind");
    QCOMPARE(bind->text(), QString::fromUtf8("绑定(&B)"));
    FIND(QPushButton, connectButton, clientPageOf(window), "clientConnect");
    QCOMPARE(connectButton->text(), QString::fromUtf8("连接(&C)"));
    FIND(QPushButton, sendButton, clientPageOf(window), "sendButton");
    QCOMPARE(sendButton->text(), QString::fromUtf8("发送(&S)"));
    FIND(QPushButton, listen, serverPageOf(window), "serverListen");
    QVERIFY2(listen->text().contains(QString::fromUtf8("监听")), qPrintable(listen->text()));
}

QTEST_MAIN(tst_Translation)
#include "tst_translation.moc"
