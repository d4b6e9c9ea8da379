#pragma once

#include "bytes/payload.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

class QComboBox;
class QWidget;

// What was sent, newest first, de-duplicated on text + spec, at most MaxEntries; shown in a combo box and walked
// with Ctrl+Up / Ctrl+Down. Walking away from the user's own draft keeps it, so walking back restores it.
// It only keeps the list and the walk position: the send panel applies the entries it hands out.
class SendHistory
{
    Q_DECLARE_TR_FUNCTIONS(SendHistory)
public:
    struct Entry
    {
        QString text;
        Payload::Spec spec;
    };
    static constexpr int MaxEntries = 50;

    explicit SendHistory(QWidget *comboParent);

    QComboBox *combo() const { return m_combo; } // "sendHistory"
    QList<Entry> entries() const { return m_entries; }
    void setEntries(const QList<Entry> &entries);
    void add(const Entry &entry);

    // The entry to show for index (0 = newest), remembering current as the draft when leaving it.
    std::optional<Entry> recall(int index, const Entry &current);
    // step +1 is one older, -1 one newer; past the newest comes the draft back. Nothing beyond either end.
    std::optional<Entry> walk(int step, const Entry &current);
    // The user edited the text: it is the draft now, not a history entry.
    void leaveWalk() { m_position = -1; }

private:
    void refreshCombo();

    QComboBox *m_combo = nullptr;
    QList<Entry> m_entries;
    int m_position = -1; // -1: the user's own draft, not a history entry
    Entry m_draft;
};
