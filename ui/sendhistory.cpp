#include "sendhistory.h"

#include "specnames.h"

#include <QComboBox>

SendHistory::SendHistory(QWidget *comboParent)
    : m_combo(new QComboBox(comboParent))
{
    m_combo->setObjectName(QStringLiteral("sendHistory"));
    m_combo->setAccessibleName(tr("Send history"));
    m_combo->setToolTip(tr("Recently sent data, newest first: choose one to restore its text and options"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(16);
    m_combo->setPlaceholderText(tr("History"));
    refreshCombo();
}

void SendHistory::add(const Entry &entry)
{
    m_entries.removeIf([&entry](const Entry &e) { return e.text == entry.text && e.spec == entry.spec; });
    m_entries.prepend(entry);
    if (m_entries.size() > MaxEntries)
        m_entries.resize(MaxEntries);
    m_position = -1;
    refreshCombo();
}

void SendHistory::setEntries(const QList<Entry> &entries)
{
    m_entries.clear();
    for (auto it = entries.crbegin(); it != entries.crend(); ++it)
        add(*it); // oldest first, so de-duplication keeps the newest copy on top
    refreshCombo();
}

std::optional<SendHistory::Entry> SendHistory::recall(int index, const Entry &current)
{
    if (index < 0 || index >= m_entries.size())
        return std::nullopt;
    if (m_position < 0)
        m_draft = current;
    m_position = index;
    return m_entries.at(index);
}

std::optional<SendHistory::Entry> SendHistory::walk(int step, const Entry &current)
{
    const int target = m_position + step;
    if (target >= m_entries.size() || target < -1)
        return std::nullopt;
    if (target == -1) {
        m_position = -1;
        return m_draft;
    }
    return recall(target, current);
}

void SendHistory::refreshCombo()
{
    m_combo->clear();
    for (const Entry &entry : std::as_const(m_entries)) {
        m_combo->addItem(SpecNames::summary(entry.text, entry.spec));
        m_combo->setItemData(m_combo->count() - 1, entry.text, Qt::ToolTipRole);
    }
    m_combo->setCurrentIndex(-1);
    m_combo->setEnabled(!m_entries.isEmpty());
}
