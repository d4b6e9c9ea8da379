#pragma once

#include <QAccessibleInterface>

class LogViewAccessible;

// One drawn row of the receive log, as assistive technology sees it (a ListItem of LogViewAccessible's list). It
// holds only its position: its name is the view's row as of the last sync, produced when asked (like painting), so
// a change of view or encoding reads at once and nothing is copied per record. Its list creates, renumbers and
// deletes it.
class LogRowAccessible : public QAccessibleInterface, public QAccessibleTableCellInterface
{
public:
    LogRowAccessible(LogViewAccessible *table, int row)
        : m_table(table)
        , m_row(row)
    { }

    int row() const { return m_row; }
    void setRow(int row) { m_row = row; }

    bool isValid() const override;
    QObject *object() const override { return nullptr; }
    QWindow *window() const override;
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessibleInterface *parent() const override;
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QString text(QAccessible::Text type) const override;
    void setText(QAccessible::Text, const QString &) override { }
    QRect rect() const override;
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override;
    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::TableCellInterface ? static_cast<QAccessibleTableCellInterface *>(this) : nullptr;
    }

    bool isSelected() const override;
    QList<QAccessibleInterface *> columnHeaderCells() const override { return {}; }
    QList<QAccessibleInterface *> rowHeaderCells() const override { return {}; }
    int columnIndex() const override { return 0; }
    int rowIndex() const override { return m_row; }
    int columnExtent() const override { return 1; }
    int rowExtent() const override { return 1; }
    QAccessibleInterface *table() const override;

private:
    LogViewAccessible *m_table; // outlives this row
    int m_row;
};
