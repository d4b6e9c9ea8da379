#pragma once

#include "net/datagramcontrol.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// The UDP tab's multicast row: a group and an interface to join or leave, the groups joined, TTL / hop limit and
// loopback of what we send to a group. The groups the user asked for are kept here (wanted()), so that binding again
// joins them again.
class MulticastControl : public QWidget
{
    Q_OBJECT
public:
    explicit MulticastControl(QWidget *parent = nullptr);

    // Where joins and options go; nullptr while there is none. Joins every wanted group once bound.
    void setTarget(DatagramControl *datagrams, bool bound);

    QList<DatagramControl::Membership> wanted() const { return m_wanted; }
    void setWanted(const QList<DatagramControl::Membership> &groups);
    int ttl() const;
    void setTtl(int ttl);
    bool loopback() const;
    void setLoopback(bool on);

private:
    void join();
    void leave();
    void rejoin();
    void showGroups();
    void validate();

    DatagramControl *m_datagrams = nullptr;
    bool m_bound = false;
    QList<DatagramControl::Membership> m_wanted;
    QLineEdit *m_group = nullptr;
    QComboBox *m_interface = nullptr;
    QPushButton *m_join = nullptr;
    QPushButton *m_leave = nullptr;
    QComboBox *m_joined = nullptr;
    QSpinBox *m_ttl = nullptr;
    QCheckBox *m_loopback = nullptr;
    QLabel *m_problem = nullptr;
};
