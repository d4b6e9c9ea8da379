#include "relayfaultspanel.h"

#include "settingsvalues.h"
#include "widgetnames.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

#include <climits>

RelayFaultsPanel::RelayFaultsPanel(RelayControl *relay, RelayControl::Side from, Transport transport,
    const QString &title, const char *objectPrefix, QWidget *parent)
    : QGroupBox(title, parent)
    , m_relay(relay)
    , m_from(from)
{
    setObjectName(QLatin1String(objectPrefix));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    const bool datagrams = transport == Transport::Datagrams;
    m_delay = datagrams ? addSpin(objectPrefix, "Delay", tr("&Delay:"), tr("Delay of every datagram"),
                  tr("Every datagram is forwarded this much later; 0: off"), 600000, tr(" ms"))
                        : addSpin(objectPrefix, "Delay", tr("&Delay:"), tr("Delay of every chunk"),
                            tr("Every chunk is forwarded this much later; 0: off"), 600000, tr(" ms"));
    m_rate = addSpin(objectPrefix, "Rate", tr("&Limit:"), tr("Throughput limit"),
        tr("At most this many KiB per second; 0: no limit"), 1000000, tr(" KiB/s"));
    if (datagrams) {
        m_drop = addSpin(objectPrefix, "Drop", tr("D&rop:"), tr("Share of datagrams dropped"),
            tr("Drop this share of the datagrams, chosen at random; each drop is noted in the log; 0: off"), 100,
            tr(" %"));
        return;
    }
    m_chunk = addSpin(objectPrefix, "Chunk", tr("S&plit into:"), tr("Largest write"),
        tr("Writes of at most this many bytes, so the receiver reads the data in pieces; 0: off"), 1 << 20, tr(" B"));
    m_gap = addSpin(objectPrefix, "Gap", tr("&Gap:"), tr("Gap between pieces"),
        tr("Time between two pieces of a split write"), 600000, tr(" ms"));
    m_cutAfter = addSpin(objectPrefix, "CutAfter", tr("&Cut after:"), tr("Cut the connection after this many bytes"),
        tr("After this many bytes in this direction the pair is cut; 0: never"), INT_MAX, tr(" B"));
    m_cutMode = named(new QComboBox(this), (QByteArray(objectPrefix) + "CutMode").constData(), tr("How to cut"),
        tr("Close both connections (FIN), or reset them (RST) as a crash or a firewall would"));
    m_cutMode->addItem(tr("Close (FIN)"), false);
    m_cutMode->addItem(tr("Reset (RST)"), true);
    auto *modeLabel = new QLabel(tr("Cut &by:"), this);
    modeLabel->setBuddy(m_cutMode);
    form->addRow(modeLabel, m_cutMode);
    connect(m_cutMode, &QComboBox::currentIndexChanged, this, &RelayFaultsPanel::apply);
}

QSpinBox *RelayFaultsPanel::addSpin(const char *objectPrefix, const char *suffix, const QString &label,
    const QString &name, const QString &toolTip, int maximum, const QString &unit)
{
    auto *spin = named(new QSpinBox(this), (QByteArray(objectPrefix) + suffix).constData(), name, toolTip);
    spin->setRange(0, maximum);
    spin->setSuffix(unit);
    spin->setSpecialValueText(tr("off"));
    auto *text = new QLabel(label, this);
    text->setBuddy(spin);
    static_cast<QFormLayout *>(layout())->addRow(text, spin);
    connect(spin, &QSpinBox::valueChanged, this, &RelayFaultsPanel::apply);
    return spin;
}

RelayControl::Faults RelayFaultsPanel::faults() const
{
    RelayControl::Faults faults;
    faults.delayMs = m_delay->value();
    faults.rateKiBps = m_rate->value();
    if (m_drop)
        faults.dropPercent = m_drop->value();
    if (!m_chunk)
        return faults;
    faults.chunkBytes = m_chunk->value();
    faults.chunkGapMs = m_gap->value();
    faults.cutAfterBytes = m_cutAfter->value();
    faults.cutWithReset = m_cutMode->currentData().toBool();
    return faults;
}

void RelayFaultsPanel::setFaults(const RelayControl::Faults &faults)
{
    m_setting = true;
    m_delay->setValue(faults.delayMs);
    m_rate->setValue(faults.rateKiBps);
    if (m_drop)
        m_drop->setValue(faults.dropPercent);
    if (m_chunk) {
        m_chunk->setValue(faults.chunkBytes);
        m_gap->setValue(faults.chunkGapMs);
        m_cutAfter->setValue(int(std::min<qint64>(faults.cutAfterBytes, INT_MAX)));
        m_cutMode->setCurrentIndex(faults.cutWithReset ? 1 : 0);
    }
    m_setting = false;
    apply();
}

void RelayFaultsPanel::apply()
{
    if (!m_setting && m_relay)
        m_relay->setFaults(m_from, faults());
}

void RelayFaultsPanel::save(QSettings &settings, const QString &prefix) const
{
    const RelayControl::Faults f = faults();
    settings.setValue(prefix + QStringLiteral("/delayMs"), f.delayMs);
    settings.setValue(prefix + QStringLiteral("/rateKiBps"), f.rateKiBps);
    if (m_drop) {
        settings.setValue(prefix + QStringLiteral("/dropPercent"), f.dropPercent);
        return;
    }
    settings.setValue(prefix + QStringLiteral("/chunkBytes"), f.chunkBytes);
    settings.setValue(prefix + QStringLiteral("/chunkGapMs"), f.chunkGapMs);
    settings.setValue(prefix + QStringLiteral("/cutAfterBytes"), f.cutAfterBytes);
    settings.setValue(prefix + QStringLiteral("/cutWithReset"), f.cutWithReset);
}

void RelayFaultsPanel::restore(const QSettings &settings, const QString &prefix)
{
    RelayControl::Faults f;
    f.delayMs = SettingsValues::number(settings, prefix + QStringLiteral("/delayMs"), 0, m_delay->maximum(), 0);
    f.rateKiBps = SettingsValues::number(settings, prefix + QStringLiteral("/rateKiBps"), 0, m_rate->maximum(), 0);
    if (m_drop) {
        f.dropPercent = SettingsValues::number(settings, prefix + QStringLiteral("/dropPercent"), 0, 100, 0);
        setFaults(f);
        return;
    }
    f.chunkBytes = SettingsValues::number(settings, prefix + QStringLiteral("/chunkBytes"), 0, m_chunk->maximum(), 0);
    f.chunkGapMs = SettingsValues::number(settings, prefix + QStringLiteral("/chunkGapMs"), 0, m_gap->maximum(), 0);
    f.cutAfterBytes
        = SettingsValues::number(settings, prefix + QStringLiteral("/cutAfterBytes"), 0, m_cutAfter->maximum(), 0);
    f.cutWithReset = SettingsValues::flag(settings, prefix + QStringLiteral("/cutWithReset"), false);
    setFaults(f);
}
