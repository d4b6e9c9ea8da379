#pragma once

#include "net/relaycontrol.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QSpinBox;
class QSettings;

// The faults of one direction of a relay (named by the side that sends), applied as they are changed, while pairs
// are open too. Every value 0 means off. A stream relay offers delay, limit, split and cut; a datagram relay delay,
// limit and drop (a datagram is never split, and there is no connection to cut).
class RelayFaultsPanel : public QGroupBox
{
    Q_OBJECT
public:
    // objectPrefix names the widgets ("relayFaultsClient" -> "relayFaultsClientDelay"...).
    enum class Transport { Stream, Datagrams };
    RelayFaultsPanel(RelayControl *relay, RelayControl::Side from, Transport transport, const QString &title,
        const char *objectPrefix, QWidget *parent = nullptr);

    RelayControl::Faults faults() const;
    void setFaults(const RelayControl::Faults &faults);
    // Keys under prefix ("faultsFromClient/delayMs"...), in the page's group.
    void save(QSettings &settings, const QString &prefix) const;
    void restore(const QSettings &settings, const QString &prefix);

private:
    void apply();
    QSpinBox *addSpin(const char *objectPrefix, const char *suffix, const QString &label, const QString &name,
        const QString &toolTip, int maximum, const QString &unit);

    RelayControl *m_relay;
    RelayControl::Side m_from;
    QSpinBox *m_delay = nullptr;
    QSpinBox *m_rate = nullptr;
    QSpinBox *m_chunk = nullptr;
    QSpinBox *m_gap = nullptr;
    QSpinBox *m_cutAfter = nullptr;
    QComboBox *m_cutMode = nullptr;
    QSpinBox *m_drop = nullptr;
    bool m_setting = false;
};
