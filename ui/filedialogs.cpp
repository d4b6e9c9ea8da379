#include "filedialogs.h"

#include <QFileDialog>

namespace {

void show(QWidget *parent, const QString &title, const QStringList &filters, const char *objectName,
    QFileDialog::AcceptMode mode, FileDialogs::Done done, const QString &suggestedName = {})
{
    auto *dialog = new QFileDialog(parent, title);
    dialog->setObjectName(QLatin1String(objectName));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(mode);
    dialog->setFileMode(mode == QFileDialog::AcceptSave ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    if (!filters.isEmpty())
        dialog->setNameFilters(filters);
    if (!suggestedName.isEmpty())
        dialog->selectFile(suggestedName);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, [dialog, done = std::move(done)](const QString &path) {
        if (!path.isEmpty())
            done(path, dialog->selectedNameFilter());
    });
    dialog->open();
}

} // namespace

namespace FileDialogs {

void save(QWidget *parent, const QString &title, const QStringList &filters, const char *objectName, Done done,
    const QString &suggestedName)
{
    show(parent, title, filters, objectName, QFileDialog::AcceptSave, std::move(done), suggestedName);
}

void open(QWidget *parent, const QString &title, const QStringList &filters, const char *objectName, Done done)
{
    show(parent, title, filters, objectName, QFileDialog::AcceptOpen, std::move(done));
}

} // namespace FileDialogs
