#include "clientpage.h"
#include "language.h"
#include "mainwindow.h"
#include "serverpage.h"
#include "widgetlookup.h"

#include <QFile>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

// The zh_CN translation is embedded, loads, reaches the widgets, and is complete.
class tst_Translation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tsFileHasNoUnfinishedEntries();
    void chineseReachesTheWidgets();
};

void tst_Translation::tsFileHasNoUnfinishedEntries()
{
    const QString source = qEnvironmentVariable("NETASSIST_SOURCE_DIR");
    QVERIFY2(!source.isEmpty(), "ctest sets NETASSIST_SOURCE_DIR");
    QFile ts(source + QStringLiteral("/translations/netassist_zh_CN.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray text = ts.readAll();
    QVERIFY(text.count("<message") > 100);
    QCOMPARE(text.count("type=\"unfinished\""), 0);
    QCOMPARE(text.count("<translation></translation>"), 0);
}

void tst_Translation::chineseReachesTheWidgets()
{
    QCOMPARE(Language::install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    MainWindow window;
    QCOMPARE(window.tabs()->tabText(0), QString::fromUtf8("TCP 客户端(&C)"));
    QCOMPARE(window.tabs()->tabText(1), QString::fromUtf8("TCP 服务器(&S)"));
    FIND(QPushButton, connectButton, window.clientPage(), "clientConnect");
    QCOMPARE(connectButton->text(), QString::fromUtf8("连接(&C)"));
    FIND(QPushButton, sendButton, window.clientPage(), "sendButton");
    QCOMPARE(sendButton->text(), QString::fromUtf8("发送(&S)"));
    FIND(QPushButton, listen, window.serverPage(), "serverListen");
    QVERIFY2(listen->text().contains(QString::fromUtf8("监听")), qPrintable(listen->text()));
}

QTEST_MAIN(tst_Translation)
#include "tst_translation.moc"
