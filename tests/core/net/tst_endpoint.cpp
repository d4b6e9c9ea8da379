#include "net/endpoint.h"

#include <QHostAddress>
#include <QTest>

using Endpoint::HostPortError;
using Endpoint::PortError;
using Endpoint::PortRange;

class tst_Endpoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unbracketed();
    void normalized_data();
    void normalized();
    void format_data();
    void format();
    void parsePort_data();
    void parsePort();
    void range_data();
    void range();
    void parseHostPort_data();
    void parseHostPort();
};

void tst_Endpoint::normalized_data()
{
    QTest::addColumn<QHostAddress>("input");
    QTest::addColumn<QHostAddress>("expected");
    QTest::newRow("mapped loopback") << QHostAddress("::ffff:127.0.0.1") << QHostAddress("127.0.0.1");
    QTest::newRow("mapped private") << QHostAddress("::ffff:192.168.1.5") << QHostAddress("192.168.1.5");
    QTest::newRow("ipv4 unchanged") << QHostAddress("10.0.0.1") << QHostAddress("10.0.0.1");
    QTest::newRow("ipv6 loopback stays v6") << QHostAddress("::1") << QHostAddress("::1");
    QTest::newRow("ipv6 unspecified stays v6") << QHostAddress("::") << QHostAddress("::");
    QTest::newRow("v4-compatible stays v6") << QHostAddress("::127.0.0.1") << QHostAddress("::127.0.0.1");
    QTest::newRow("any stays dual stack") << QHostAddress(QHostAddress::Any) << QHostAddress(QHostAddress::Any);
}

void tst_Endpoint::normalized()
{
    QFETCH(QHostAddress, input);
    QFETCH(QHostAddress, expected);
    const QHostAddress result = Endpoint::normalized(input);
    QCOMPARE(result.protocol(), expected.protocol());
    QVERIFY(result.isEqual(expected, QHostAddress::StrictConversion));
}

void tst_Endpoint::format_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<quint16>("port");
    QTest::addColumn<QString>("address_text");
    QTest::addColumn<QString>("endpoint");

    QHostAddress scoped("fe80::1");
    scoped.setScopeId("eth0");

    QTest::newRow("ipv4") << QHostAddress("192.168.1.5") << quint16(502) << "192.168.1.5"
                          << "192.168.1.5:502";
    QTest::newRow("ipv4 port 0") << QHostAddress("127.0.0.1") << quint16(0) << "127.0.0.1"
                                 << "127.0.0.1:0";
    QTest::newRow("ipv4 port max") << QHostAddress("127.0.0.1") << quint16(65535) << "127.0.0.1"
                                   << "127.0.0.1:65535";
    QTest::newRow("ipv6 loopback") << QHostAddress("::1") << quint16(8000) << "::1"
                                   << "[::1]:8000";
    QTest::newRow("ipv6 global") << QHostAddress("2001:db8::5") << quint16(80) << "2001:db8::5"
                                 << "[2001:db8::5]:80";
    QTest::newRow("scope id kept") << scoped << quint16(80) << "fe80::1%eth0"
                                   << "[fe80::1%eth0]:80";
    QTest::newRow("scope id parsed") << QHostAddress("fe80::1%eth0") << quint16(80) << "fe80::1%eth0"
                                     << "[fe80::1%eth0]:80";
    QTest::newRow("mapped v4") << QHostAddress("::ffff:127.0.0.1") << quint16(5000) << "127.0.0.1"
                               << "127.0.0.1:5000";
    QTest::newRow("any ipv4") << QHostAddress(QHostAddress::AnyIPv4) << quint16(8000) << "0.0.0.0"
                              << "0.0.0.0:8000";
    QTest::newRow("any ipv6") << QHostAddress(QHostAddress::AnyIPv6) << quint16(8000) << "::"
                              << "[::]:8000";
    // Qt prints the dual-stack Any as "0.0.0.0"; normalized() must not turn it into IPv4-only AnyIPv4.
    QTest::newRow("any dual stack") << QHostAddress(QHostAddress::Any) << quint16(8000) << "0.0.0.0"
                                    << "0.0.0.0:8000";
    QTest::newRow("null") << QHostAddress() << quint16(80) << ""
                          << "";
}

void tst_Endpoint::format()
{
    QFETCH(QHostAddress, address);
    QFETCH(quint16, port);
    QFETCH(QString, address_text);
    QFETCH(QString, endpoint);
    QCOMPARE(Endpoint::formatAddress(address), address_text);
    QCOMPARE(Endpoint::format(address, port), endpoint);
}

void tst_Endpoint::parsePort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowZero");
    QTest::addColumn<PortError>("error");
    QTest::addColumn<quint16>("port");

    QTest::newRow("zero refused") << "0" << false << PortError::ZeroNotAllowed << quint16(0);
    QTest::newRow("zero allowed") << "0" << true << PortError::None << quint16(0);
    QTest::newRow("one") << "1" << false << PortError::None << quint16(1);
    QTest::newRow("max") << "65535" << false << PortError::None << quint16(65535);
    QTest::newRow("max+1") << "65536" << false << PortError::OutOfRange << quint16(0);
    QTest::newRow("huge no overflow") << "99999999999999999999999" << false << PortError::OutOfRange << quint16(0);
    QTest::newRow("2^32+80 no wrap") << "4294967376" << false << PortError::OutOfRange << quint16(0);
    QTest::newRow("minus one") << "-1" << false << PortError::OutOfRange << quint16(0);
    QTest::newRow("minus zero") << "-0" << true << PortError::None << quint16(0);
    QTest::newRow("lone minus") << "-" << false << PortError::NotANumber << quint16(0);
    QTest::newRow("plus sign") << "+80" << false << PortError::NotANumber << quint16(0);
    QTest::newRow("letters") << "abc" << false << PortError::NotANumber << quint16(0);
    QTest::newRow("trailing letters") << "80x" << false << PortError::NotANumber << quint16(0);
    QTest::newRow("hex") << "0x50" << false << PortError::NotANumber << quint16(0);
    QTest::newRow("inner space") << "8 0" << false << PortError::NotANumber << quint16(0);
    QTest::newRow("full-width digits") << QString::fromUtf8("\xEF\xBC\x98\xEF\xBC\x90") << false
                                       << PortError::NotANumber << quint16(0);
    QTest::newRow("empty") << "" << false << PortError::Empty << quint16(0);
    QTest::newRow("spaces only") << "   " << false << PortError::Empty << quint16(0);
    QTest::newRow("surrounding spaces") << " 80 " << false << PortError::None << quint16(80);
    QTest::newRow("tab and newline") << "\t8080\n" << false << PortError::None << quint16(8080);
    QTest::newRow("leading zeros") << "00080" << false << PortError::None << quint16(80);
}

void tst_Endpoint::parsePort()
{
    QFETCH(QString, text);
    QFETCH(bool, allowZero);
    QFETCH(PortError, error);
    QFETCH(quint16, port);
    const Endpoint::PortResult result = Endpoint::parsePort(text, allowZero);
    QCOMPARE(result.error, error);
    QCOMPARE(result.ok(), error == PortError::None);
    if (result.ok())
        QCOMPARE(result.port, port);
}

void tst_Endpoint::range_data()
{
    QTest::addColumn<quint16>("port");
    QTest::addColumn<PortRange>("expected");
    QTest::newRow("0") << quint16(0) << PortRange::WellKnown;
    QTest::newRow("80") << quint16(80) << PortRange::WellKnown;
    QTest::newRow("1023") << quint16(1023) << PortRange::WellKnown;
    QTest::newRow("1024") << quint16(1024) << PortRange::Registered;
    QTest::newRow("49151") << quint16(49151) << PortRange::Registered;
    QTest::newRow("49152") << quint16(49152) << PortRange::Dynamic;
    QTest::newRow("65535") << quint16(65535) << PortRange::Dynamic;
}

void tst_Endpoint::range()
{
    QFETCH(quint16, port);
    QFETCH(PortRange, expected);
    QCOMPARE(Endpoint::range(port), expected);
}

void tst_Endpoint::parseHostPort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowBarePort");
    QTest::addColumn<bool>("allowZeroPort");
    QTest::addColumn<HostPortError>("error");
    QTest::addColumn<QString>("host");
    QTest::addColumn<quint16>("port");

    const auto ok = HostPortError::None;
    QTest::newRow("name") << "example.com:80" << false << false << ok << "example.com" << quint16(80);
    QTest::newRow("ipv4") << "1.2.3.4:80" << false << false << ok << "1.2.3.4" << quint16(80);
    QTest::newRow("ipv6 bracketed") << "[::1]:8000" << false << false << ok << "::1" << quint16(8000);
    QTest::newRow("ipv6 scope id") << "[fe80::1%eth0]:80" << false << false << ok << "fe80::1%eth0" << quint16(80);
    QTest::newRow("surrounding spaces") << "  localhost:502 " << false << false << ok << "localhost" << quint16(502);
    QTest::newRow("space before port") << "localhost: 502" << false << false << ok << "localhost" << quint16(502);
    QTest::newRow("bare port") << "8000" << true << false << ok << "" << quint16(8000);
    QTest::newRow("colon port") << ":8000" << true << false << ok << "" << quint16(8000);
    QTest::newRow("zero port allowed") << "127.0.0.1:0" << false << true << ok << "127.0.0.1" << quint16(0);
    QTest::newRow("bare zero allowed") << "0" << true << true << ok << "" << quint16(0);

    QTest::newRow("empty") << "" << false << false << HostPortError::Empty << "" << quint16(0);
    QTest::newRow("blank") << "  " << true << false << HostPortError::Empty << "" << quint16(0);
    QTest::newRow("colon port no bare") << ":8000" << false << false << HostPortError::Empty << "" << quint16(0);
    QTest::newRow("bare port refused") << "8000" << false << false << HostPortError::MissingPort << "8000"
                                       << quint16(0);
    QTest::newRow("name only") << "example.com" << false << false << HostPortError::MissingPort << "example.com"
                               << quint16(0);
    QTest::newRow("name only, bare allowed")
        << "example.com" << true << false << HostPortError::MissingPort << "example.com" << quint16(0);
    QTest::newRow("trailing colon") << "host:" << false << false << HostPortError::MissingPort << "host" << quint16(0);
    QTest::newRow("ipv6 bare") << "::1" << false << false << HostPortError::MissingPort << "::1" << quint16(0);
    QTest::newRow("ipv6 bare, bare allowed")
        << "::1" << true << false << HostPortError::MissingPort << "::1" << quint16(0);
    QTest::newRow("ipv6 ambiguous") << "::1:8000" << false << false << HostPortError::MissingPort << "::1:8000"
                                    << quint16(0);
    QTest::newRow("ipv6 brackets no port")
        << "[::1]" << false << false << HostPortError::MissingPort << "::1" << quint16(0);
    QTest::newRow("ipv6 brackets colon") << "[::1]:" << false << false << HostPortError::MissingPort << "::1"
                                         << quint16(0);
    QTest::newRow("bad port") << "host:abc" << false << false << HostPortError::BadPort << "host" << quint16(0);
    QTest::newRow("port too big") << "host:65536" << false << false << HostPortError::BadPort << "host" << quint16(0);
    QTest::newRow("zero port refused") << "host:0" << false << false << HostPortError::BadPort << "host" << quint16(0);
    QTest::newRow("bare port too big") << "70000" << true << false << HostPortError::BadPort << "" << quint16(0);
    QTest::newRow("ipv6 bad port") << "[::1]:x" << false << false << HostPortError::BadPort << "::1" << quint16(0);
    QTest::newRow("unclosed bracket") << "[::1:80" << false << false << HostPortError::BadBrackets << "" << quint16(0);
    QTest::newRow("stray close") << "::1]:80" << false << false << HostPortError::BadBrackets << "" << quint16(0);
    QTest::newRow("junk after bracket") << "[::1]x80" << false << false << HostPortError::BadBrackets << ""
                                        << quint16(0);
    QTest::newRow("bracketed name") << "[example.com]:80" << false << false << HostPortError::BadBrackets << ""
                                    << quint16(0);
    QTest::newRow("bracketed ipv4") << "[1.2.3.4]:80" << false << false << HostPortError::BadBrackets << ""
                                    << quint16(0);
    QTest::newRow("empty brackets") << "[]:80" << false << false << HostPortError::BadBrackets << "" << quint16(0);
    QTest::newRow("two colons not ipv6") << "host:80:90" << false << false << HostPortError::BadBrackets << ""
                                         << quint16(0);
}

void tst_Endpoint::parseHostPort()
{
    QFETCH(QString, text);
    QFETCH(bool, allowBarePort);
    QFETCH(bool, allowZeroPort);
    QFETCH(HostPortError, error);
    QFETCH(QString, host);
    QFETCH(quint16, port);
    const Endpoint::HostPort result = Endpoint::parseHostPort(text, allowBarePort, allowZeroPort);
    QCOMPARE(result.error, error);
    QCOMPARE(result.ok(), error == HostPortError::None);
    if (error == HostPortError::None || error == HostPortError::MissingPort)
        QCOMPARE(result.host, host);
    if (result.ok())
        QCOMPARE(result.port, port);
}

// What the sessions hand to Qt's lookups: an IPv6 literal without its brackets, anything else trimmed as it is.
void tst_Endpoint::unbracketed()
{
    QCOMPARE(Endpoint::unbracketed(QStringLiteral(" [::1] ")), QStringLiteral("::1"));
    QCOMPARE(Endpoint::unbracketed(QStringLiteral("[fe80::1%eth0]")), QStringLiteral("fe80::1%eth0"));
    QCOMPARE(Endpoint::unbracketed(QStringLiteral(" example.com ")), QStringLiteral("example.com"));
    QCOMPARE(Endpoint::unbracketed(QStringLiteral("[::1")), QStringLiteral("[::1"));
    QCOMPARE(Endpoint::unbracketed(QStringLiteral("192.168.1.5")), QStringLiteral("192.168.1.5"));
}

QTEST_GUILESS_MAIN(tst_Endpoint)
#include "tst_endpoint.moc"
