#include "bytes/quickcommand.h"
#include "logpanel.h"
#include "pagelookup.h"
#include "sendpanel.h"
#include "session/autoresponder.h"
#include "session/tabmodel.h"
#include "sessiontabs.h"
#include "widgetlookup.h"
#include "windowsettings.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

// Settings round-trip through a real INI file, and a corrupt file loses only its bad fields. The settings of 0.1.0
// (one "client" and one "server" group) are read as the two TCP tabs.
class tst_WindowSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void legacyCorruptFieldsFallBackOneByOne();
    void emptySettingsGiveDefaults();

private:
    static QJsonObject receiveJson(QSettings &settings)
    {
        return QJsonDocument::fromJson(settings.value(QStringLiteral("tabs/1/receive")).toString().toUtf8()).object();
    }
    QTemporaryDir m_dir;
    QString iniPath(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
};

void tst_WindowSettings::roundTrip()
{
    QSettings settings(iniPath("roundtrip.ini"), QSettings::IniFormat);
    QJsonObject savedReceive;
    {
        MainWindow window;
        clientPageOf(window)->setTarget(QStringLiteral("192.0.2.7"), 502);
        serverPageOf(window)->setListenAddress(QHostAddress(QHostAddress::LocalHost), 9100);
        FIND(QSpinBox, maxClients, serverPageOf(window), "serverMaxClients");
        maxClients->setValue(25);
        RenderOptions log = clientPageOf(window)->logPanel()->options();
        log.view = RenderOptions::View::Hex;
        log.encoding = "GBK";
        log.timestamps = false;
        clientPageOf(window)->logPanel()->setOptions(log);
        Payload::Spec spec;
        spec.mode = Payload::Mode::Hex;
        spec.checksum = Checksum::Algorithm::Crc16Modbus;
        spec.checksumOrder = Checksum::ByteOrder::LittleEndian;
        serverPageOf(window)->sendPanel()->setSpec(spec);
        serverPageOf(window)->sendPanel()->setText(QStringLiteral("01 03 00 00 00 0A"));
        clientPageOf(window)->sendPanel()->setHistory(
            {{QStringLiteral("hello"), Payload::Spec()}, {QString::fromUtf8("信息"), Payload::Spec {}}});
        window.tabs()->setCurrentIndex(1);
        clientPageOf(window)->model()->setReceiveSettings(
            QJsonDocument::fromJson(R"({"framing": {"mode": "delimiter", "delimiter": "0D 0A"},
                                        "autoReply": {"enabled": true, "echo": false,
                                                      "rules": [{"name": "ping", "match": "equals",
                                                                 "pattern": "PING", "reply": "PONG"}]}})")
                .object());
        savedReceive = clientPageOf(window)->model()->receiveSettings();
        QuickCommand poll;
        poll.name = QStringLiteral("Read 10 registers");
        poll.text = QStringLiteral("01 03 00 00 00 0A");
        poll.spec = spec;
        serverPageOf(window)->sendPanel()->setQuickCommands({poll});
        WindowSettings::save(window, settings);
    }
    settings.sync();
    QCOMPARE(receiveJson(settings)
                 .value(QStringLiteral("autoReply"))
                 .toObject()
                 .value(QStringLiteral("rules"))
                 .toArray()
                 .size(),
        1);

    MainWindow restored;
    WindowSettings::restore(restored, settings);
    FIND(QComboBox, host, clientPageOf(restored), "clientHost");
    FIND(QLineEdit, port, clientPageOf(restored), "clientPort");
    FIND(QComboBox, address, serverPageOf(restored), "serverAddress");
    FIND(QLineEdit, serverPort, serverPageOf(restored), "serverPort");
    FIND(QSpinBox, maxClients, serverPageOf(restored), "serverMaxClients");
    QCOMPARE(host->currentText(), QStringLiteral("192.0.2.7"));
    QCOMPARE(port->text(), QStringLiteral("502"));
    QCOMPARE(address->currentData().value<QHostAddress>(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(serverPort->text(), QStringLiteral("9100"));
    QCOMPARE(maxClients->value(), 25);
    QCOMPARE(restored.tabs()->currentIndex(), 1);
    const RenderOptions log = clientPageOf(restored)->logPanel()->options();
    QCOMPARE(log.view, RenderOptions::View::Hex);
    QCOMPARE(log.encoding, QByteArray("GBK"));
    QCOMPARE(log.timestamps, false);
    const Payload::Spec spec = serverPageOf(restored)->sendPanel()->spec();
    QCOMPARE(spec.mode, Payload::Mode::Hex);
    QCOMPARE(spec.checksum, Checksum::Algorithm::Crc16Modbus);
    QCOMPARE(spec.checksumOrder, Checksum::ByteOrder::LittleEndian);
    QCOMPARE(serverPageOf(restored)->sendPanel()->text(), QStringLiteral("01 03 00 00 00 0A"));
    QCOMPARE(serverPageOf(restored)->sendPanel()->payload().bytes, QByteArray::fromHex("01030000000AC5CD"));
    QCOMPARE(clientPageOf(restored)->model()->receiveSettings(), savedReceive); // framing and auto-reply rules persist
    QCOMPARE(clientPageOf(restored)->autoResponder()->rulesJson().size(), 1);
    const QList<QuickCommand> quick = serverPageOf(restored)->sendPanel()->quickCommandList();
    QCOMPARE(quick.size(), 1);
    QCOMPARE(quick.at(0).name, QStringLiteral("Read 10 registers"));
    QCOMPARE(Payload::build(quick.at(0).text, quick.at(0).spec).bytes, QByteArray::fromHex("01030000000AC5CD"));
    QVERIFY(clientPageOf(restored)->sendPanel()->quickCommandList().isEmpty());
    const auto history = clientPageOf(restored)->sendPanel()->history();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).text, QStringLiteral("hello"));
    QCOMPARE(history.at(1).text, QString::fromUtf8("信息"));
}

void tst_WindowSettings::legacyCorruptFieldsFallBackOneByOne()
{
    const QString path = iniPath("corrupt.ini");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[window]\n"
               "geometry=@ByteArray(not a geometry)\n"
               "tab=99\n"
               "[client]\n"
               "host=device.local\n"
               "port=80\n"
               "recentHosts=device.local, 10.0.0.9\n"
               "log\\view=sideways\n"
               "log\\encoding=NO-SUCH-CODEC\n"
               "log\\timestamps=maybe\n"
               "send\\draft={{{ not json\n"
               "[server]\n"
               "address=300.1.2.3\n"
               "port=99999\n"
               "maxClients=-5\n");
    file.close();
    QSettings settings(path, QSettings::IniFormat);
    // JSON inside a value: stored through QSettings so that only the content is bad, not the INI quoting.
    settings.setValue(
        QStringLiteral("client/send/history"), QStringLiteral("[1, \"x\", {\"text\": \"kept\", \"mode\": \"warp\"}]"));
    MainWindow window;
    WindowSettings::restore(window, settings); // must not crash, whatever the file says

    FIND(QComboBox, host, clientPageOf(window), "clientHost");
    FIND(QLineEdit, port, clientPageOf(window), "clientPort");
    FIND(QComboBox, address, serverPageOf(window), "serverAddress");
    FIND(QLineEdit, serverPort, serverPageOf(window), "serverPort");
    FIND(QSpinBox, maxClients, serverPageOf(window), "serverMaxClients");
    QCOMPARE(host->currentText(), QStringLiteral("device.local")); // good fields are kept
    QCOMPARE(port->text(), QStringLiteral("80"));
    QCOMPARE(window.tabs()->currentIndex(), 0);
    const RenderOptions log = clientPageOf(window)->logPanel()->options();
    QCOMPARE(log.view, RenderOptions::View::Text);
    QCOMPARE(log.encoding, QByteArray("UTF-8"));
    QCOMPARE(log.timestamps, true);
    QCOMPARE(clientPageOf(window)->sendPanel()->spec(), Payload::Spec());
    const auto history = clientPageOf(window)->sendPanel()->history();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).text, QStringLiteral("kept"));
    QCOMPARE(history.at(0).spec.mode, Payload::Mode::Text);
    QCOMPARE(address->currentData().value<QHostAddress>(), QHostAddress(QHostAddress::Any));
    QCOMPARE(serverPort->text(), QStringLiteral("8000"));
    QCOMPARE(maxClients->value(), 0);
}

void tst_WindowSettings::emptySettingsGiveDefaults()
{
    QSettings settings(iniPath("empty.ini"), QSettings::IniFormat);
    MainWindow window;
    clientPageOf(window)->setTarget(QStringLiteral("example.invalid"), 1234);
    WindowSettings::restore(window, settings);
    FIND(QComboBox, host, clientPageOf(window), "clientHost");
    FIND(QLineEdit, port, clientPageOf(window), "clientPort");
    QCOMPARE(host->currentText(), QStringLiteral("127.0.0.1"));
    QCOMPARE(port->text(), QStringLiteral("8000"));
    QCOMPARE(clientPageOf(window)->logPanel()->options(), RenderOptions());
}

QTEST_MAIN(tst_WindowSettings)
#include "tst_windowsettings.moc"
