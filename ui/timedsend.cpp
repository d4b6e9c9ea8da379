#include "timedsend.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

TimedSend::TimedSend(QWidget *parent)
    : QWidget(parent)
{
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("timedSendInterval"));
    m_interval->setAccessibleName(tr("Timed send interval in milliseconds"));
    m_interval->setToolTip(tr("Time between two sends, 1 ms to 24 hours (3,600,000 ms is one hour)"));
    m_interval->setRange(1, MaxIntervalMs);
    m_interval->setValue(1000);
    m_interval->setSuffix(tr(" ms"));
    m_interval->setGroupSeparatorShown(true);
    m_interval->setAccelerated(true);

    m_limit = new QSpinBox(this);
    m_limit->setObjectName(QStringLiteral("timedSendLimit"));
    m_limit->setAccessibleName(tr("Stop timed send after this many sends"));
    m_limit->setToolTip(tr("Stop by itself after this many sends; 0 means never"));
    m_limit->setRange(0, 999999999);
    m_limit->setSpecialValueText(tr("never"));
    m_limit->setSuffix(tr(" sends"));
    m_limit->setGroupSeparatorShown(true);

    m_toggle = new QPushButton(this);
    m_toggle->setObjectName(QStringLiteral("timedSendToggle"));
    m_toggle->setAccessibleName(tr("Start or stop timed send"));
    m_toggle->setCheckable(true);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("timedSendStatus"));
    m_status->setAccessibleDescription(tr("Timed send status"));
    m_status->setToolTip(tr("How many times the payload was sent"));
    m_status->setTextFormat(Qt::PlainText);

    auto *every = new QLabel(tr("Send e&very"), this);
    every->setBuddy(m_interval);
    auto *after = new QLabel(tr("stop after"), this);
    after->setBuddy(m_limit);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(every);
    row->addWidget(m_interval);
    row->addWidget(after);
    row->addWidget(m_limit);
    row->addWidget(m_toggle);
    row->addWidget(m_status, 1);

    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TimedSend::tick);
    // The state, not clicks: an accessibility tool's Toggle action and the keyboard change it without a click.
    connect(m_toggle, &QPushButton::toggled, this, &TimedSend::toggle);
    // A new interval applies at once (setInterval restarts a running timer), so a too-slow rate is fixed live.
    connect(m_interval, &QSpinBox::valueChanged, &m_timer, qOverload<int>(&QTimer::setInterval));
    connect(m_interval, &QSpinBox::valueChanged, this, &TimedSend::updateUi);
    connect(m_limit, &QSpinBox::valueChanged, this, &TimedSend::updateUi);
    updateUi();
}

int TimedSend::intervalMs() const
{
    return m_interval->value();
}

void TimedSend::setIntervalMs(int ms)
{
    m_interval->setValue(ms);
}

int TimedSend::limit() const
{
    return m_limit->value();
}

void TimedSend::setLimit(int count)
{
    m_limit->setValue(count);
}

void TimedSend::setStartable(bool startable, const QString &whyNot)
{
    m_startable = startable;
    m_whyNot = whyNot;
    updateUi();
}

void TimedSend::toggle(bool on)
{
    if (on == m_running)
        return;
    if (m_running)
        stop(StopReason::User);
    else
        start();
    updateUi(); // a refused start must not leave the button checked
}

void TimedSend::start()
{
    if (m_running || !m_startable)
        return;
    m_running = true;
    m_count = 0;
    m_timer.start(m_interval->value());
    updateUi();
    Q_EMIT started(limit() > 0 ? tr("Timed send: every %1 ms, stop after %2").arg(intervalMs()).arg(limit())
                               : tr("Timed send: every %1 ms").arg(intervalMs()));
    Q_EMIT tick();
}

void TimedSend::stop(StopReason reason, const QString &detail)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    const QString text = stopText(reason, detail);
    updateUi();
    m_status->setText(text);
    Q_EMIT stopped(text);
}

void TimedSend::countSent()
{
    if (!m_running)
        return;
    ++m_count;
    if (limit() > 0 && m_count >= limit())
        stop(StopReason::Completed);
    else
        updateUi();
}

QString TimedSend::stopText(StopReason reason, const QString &detail) const
{
    switch (reason) {
    case StopReason::User:
        return tr("Timed send stopped: %1 sent").arg(m_count);
    case StopReason::Completed:
        return tr("Timed send finished: %1 sent").arg(m_count);
    case StopReason::NoPeer:
        return tr("Timed send stopped: %1 sent; not connected").arg(m_count);
    case StopReason::InvalidPayload:
        return tr("Timed send stopped: %1 sent; %2").arg(m_count).arg(detail);
    }
    return {};
}

void TimedSend::updateUi()
{
    const QSignalBlocker blocker(m_toggle);
    m_toggle->setChecked(m_running);
    m_toggle->setText(m_running ? tr("Sto&p") : tr("Re&peat"));
    m_toggle->setEnabled(m_running || m_startable);
    if (m_running)
        m_toggle->setToolTip(tr("Stop sending"));
    else if (!m_startable)
        m_toggle->setToolTip(m_whyNot);
    else
        m_toggle->setToolTip(tr("Send the payload now and then every %1 ms").arg(intervalMs()));
    if (m_running) {
        m_status->setText(limit() > 0 ? tr("\u25cf Running: %1 of %2 sent").arg(m_count).arg(limit())
                                      : tr("\u25cf Running: %1 sent").arg(m_count));
    }
}
