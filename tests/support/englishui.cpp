// Linked into every UI test: the window in English as a user gets it, with the English translation's plural forms
// ("1 byte", "2 bytes"), which the code writes as one string ("%n byte(s)").
#include "language.h"

#include <QCoreApplication>

namespace {
void installEnglish()
{
    Language::install(QStringLiteral("en"));
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(installEnglish)
