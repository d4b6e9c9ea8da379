#include "multicastcontrol.h"

#include "net/endpoint.h"
#include "net/localaddresses.h"
#include "statuscolors.h"
#include "widgetnames.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include <utility>

MulticastControl::MulticastControl(QWidget *parent)
    : QWidget(parent)
{
    auto *label = new QLabel(tr("&Multicast:"), this);
    m_group = named(new QLineEdit(this), "udpGroup", tr("Multicast group"),
        tr("A multicast group to join: IPv4 224.0.0.0 to 239.255.255.255, or IPv6 ff00::/8"));
    m_group->setPlaceholderText(tr("e.g. 239.1.2.3"));
    label->setBuddy(m_group);
    m_interface = named(new QComboBox(this), "udpGroupInterface", tr("Multicast interface"),
        tr("The network interface to join the group on"));
    m_interface->addItem(tr("Default interface"), QString());
    for (const QString &name : LocalAddresses::multicastInterfaces())
        m_interface->addItem(name, name);
    m_join = named(new QPushButton(tr("&Join"), this), "udpJoin", tr("Join multicast group"),
        tr("Receive the group's datagrams on this socket"));
    m_leave = named(new QPushButton(tr("Lea&ve"), this), "udpLeave", tr("Leave multicast group"),
        tr("Leave the group chosen in the list of joined groups"));
    m_joined = named(new QComboBox(this), "udpGroups", tr("Joined groups"), tr("The groups this tab has joined"));
    m_joined->setMinimumContentsLength(18);
    m_ttl = named(new QSpinBox(this), "udpTtl", tr("Multicast TTL"),
        tr("TTL (IPv4) or hop limit (IPv6) of datagrams sent to a group; 1 keeps them on the local network"));
    m_ttl->setRange(0, 255);
    m_ttl->setValue(1);
    m_ttl->setPrefix(tr("TTL "));
    m_loopback = named(new QCheckBox(tr("Loopback"), this), "udpLoopback", tr("Multicast loopback"),
        tr("Datagrams we send to a group also come back to this machine"));
    m_loopback->setChecked(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("udpGroupProblem"));
    m_problem->setAccessibleDescription(tr("Multicast input error"));
    m_problem->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_group, 1);
    layout->addWidget(m_interface);
    layout->addWidget(m_join);
    layout->addWidget(m_joined);
    layout->addWidget(m_leave);
    layout->addWidget(m_ttl);
    layout->addWidget(m_loopback);
    layout->addWidget(m_problem);

    connect(m_group, &QLineEdit::textChanged, this, &MulticastControl::validate);
    connect(m_group, &QLineEdit::returnPressed, this, &MulticastControl::join);
    connect(m_join, &QPushButton::clicked, this, &MulticastControl::join);
    connect(m_leave, &QPushButton::clicked, this, &MulticastControl::leave);
    connect(m_ttl, &QSpinBox::valueChanged, this, [this](int ttl) {
        if (m_datagrams)
            m_datagrams->setMulticastTtl(ttl);
    });
    connect(m_loopback, &QCheckBox::toggled, this, [this](bool on) {
        if (m_datagrams)
            m_datagrams->setMulticastLoopback(on);
    });
    showGroups();
    validate();
}

void MulticastControl::setTarget(DatagramControl *datagrams, bool bound)
{
    m_datagrams = datagrams;
    m_bound = bound && datagrams;
    if (m_datagrams) {
        m_datagrams->setMulticastTtl(m_ttl->value());
        m_datagrams->setMulticastLoopback(m_loopback->isChecked());
    }
    if (m_bound)
        rejoin();
    showGroups();
    validate();
}

void MulticastControl::setWanted(const QList<DatagramControl::Membership> &groups)
{
    m_wanted = groups;
    if (m_bound)
        rejoin();
    showGroups();
}

int MulticastControl::ttl() const
{
    return m_ttl->value();
}

void MulticastControl::setTtl(int ttl)
{
    m_ttl->setValue(ttl);
}

bool MulticastControl::loopback() const
{
    return m_loopback->isChecked();
}

void MulticastControl::setLoopback(bool on)
{
    m_loopback->setChecked(on);
}

void MulticastControl::validate()
{
    const QString text = m_group->text().trimmed();
    const QHostAddress group(text);
    QString problem;
    if (!text.isEmpty() && (group.isNull() || !group.isMulticast()))
        problem = tr("Not a multicast group: IPv4 224.0.0.0 to 239.255.255.255, IPv6 ff00::/8.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    StatusColors::mark(m_problem, StatusColors::Error);
    m_join->setEnabled(m_bound && problem.isEmpty() && !text.isEmpty());
    m_join->setToolTip(m_bound ? tr("Receive the group's datagrams on this socket") : tr("Bind first"));
}

void MulticastControl::join()
{
    const QHostAddress group(m_group->text().trimmed());
    if (!m_bound || group.isNull() || !group.isMulticast())
        return;
    const DatagramControl::Membership membership {group, m_interface->currentData().toString()};
    if (m_wanted.contains(membership))
        return;
    // A failed join is reported by the session (in the log, in words) and not remembered.
    if (m_datagrams->joinGroup(membership.group, membership.interfaceName))
        m_wanted.append(membership);
    showGroups();
}

void MulticastControl::leave()
{
    const int index = m_joined->currentIndex();
    if (index < 0 || index >= m_wanted.size())
        return;
    const DatagramControl::Membership membership = m_wanted.takeAt(index);
    if (m_bound)
        m_datagrams->leaveGroup(membership.group, membership.interfaceName);
    showGroups();
}

void MulticastControl::rejoin()
{
    const QList<DatagramControl::Membership> wanted = std::exchange(m_wanted, {});
    for (const DatagramControl::Membership &membership : wanted) {
        if (m_datagrams->joinGroup(membership.group, membership.interfaceName))
            m_wanted.append(membership);
    }
}

void MulticastControl::showGroups()
{
    m_joined->clear();
    for (const DatagramControl::Membership &membership : std::as_const(m_wanted)) {
        const QString group = Endpoint::formatAddress(membership.group);
        m_joined->addItem(
            membership.interfaceName.isEmpty() ? group : tr("%1 on %2").arg(group, membership.interfaceName));
    }
    if (m_wanted.isEmpty())
        m_joined->addItem(tr("no group joined"));
    m_joined->setEnabled(!m_wanted.isEmpty());
    m_leave->setEnabled(!m_wanted.isEmpty());
}
