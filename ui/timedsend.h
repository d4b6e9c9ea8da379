#pragma once

#include <QString>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

// "Send every [N] ms, stop after [K] sends [Repeat]" and how it is going. It only keeps time and counts: on each
// tick() the send panel checks the payload and the peer again and either sends (then calls countSent()) or
// stop()s with the reason. The first tick comes at once, the next ones every N ms. A QTimer on the GUI thread is
// enough: sending is a non-blocking write, and Qt::PreciseTimer keeps a 1 ms interval near 1 ms.
class TimedSend : public QWidget
{
    Q_OBJECT
public:
    enum class StopReason { User, Completed, NoPeer, InvalidPayload };
    static constexpr int MaxIntervalMs = 24 * 60 * 60 * 1000;

    explicit TimedSend(QWidget *parent = nullptr);

    bool isRunning() const { return m_running; }
    int intervalMs() const;
    void setIntervalMs(int ms);
    int limit() const; // 0: never stops by itself
    void setLimit(int count);
    int sentCount() const { return m_count; }
    // Whether start() may run now (a valid payload and a peer); whyNot is the Repeat button's tooltip otherwise.
    void setStartable(bool startable, const QString &whyNot = {});

public Q_SLOTS:
    void start();
    // detail completes the reason (the payload's error for InvalidPayload). Does nothing when not running.
    void stop(TimedSend::StopReason reason = StopReason::User, const QString &detail = {});
    void countSent();

Q_SIGNALS:
    void tick();
    void started(const QString &description); // "Timed send: every 500 ms, 10 times"
    void stopped(const QString &reason); // a sentence for the log: "Timed send stopped: 12 sent; not connected"

private:
    void toggle(bool on);
    void updateUi();
    QString stopText(StopReason reason, const QString &detail) const;

    QSpinBox *m_interval = nullptr;
    QSpinBox *m_limit = nullptr;
    QPushButton *m_toggle = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_timer;
    bool m_running = false;
    bool m_startable = false;
    QString m_whyNot;
    int m_count = 0;
};
