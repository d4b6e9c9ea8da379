#include "runcommand.h"

#include "headlessrun.h"
#include "runcommandline.h"
#include "script/sequencejson.h"
#include "sequencetext.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace {

void print(std::FILE *stream, const QString &line)
{
    std::fputs((line + u'\n').toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

int badInput(const QString &message)
{
    print(stderr, QStringLiteral("netassist run: %1").arg(message));
    return 2;
}

} // namespace

int runSequenceCommand(const QStringList &args)
{
    const RunParse parse = parseRunCommandLine(args);
    if (parse.action == RunParse::ShowHelp) {
        print(stdout, parse.message.trimmed());
        return 0;
    }
    if (parse.action == RunParse::Error) {
        return badInput(QStringLiteral("%1\n%2").arg(
            parse.message, RunCommand::tr("Try 'netassist run --help' for more information.")));
    }
    const RunOptions &options = parse.options;
    QFile file(options.sequencePath);
    if (!file.open(QIODevice::ReadOnly))
        return badInput(RunCommand::tr("cannot read %1: %2").arg(options.sequencePath, file.errorString()));
    const SequenceJson::LoadResult loaded = SequenceJson::load(file.readAll());
    if (!loaded.ok()) {
        const SequenceError &e = loaded.error;
        const QString where = e.line > 0
            ? QStringLiteral("%1:%2:%3").arg(options.sequencePath).arg(e.line).arg(e.column)
            : options.sequencePath;
        return badInput(QStringLiteral("%1: %2").arg(where, SequenceText::error(e)));
    }
    if (!options.junitPath.isEmpty()) {
        // Refused before any device is touched: a run whose report cannot be written is lost to CI.
        QFile report(options.junitPath);
        const bool existed = report.exists();
        if (!report.open(QIODevice::WriteOnly | QIODevice::Append))
            return badInput(RunCommand::tr("cannot write %1: %2").arg(options.junitPath, report.errorString()));
        report.close();
        if (!existed)
            report.remove();
    }

    HeadlessRun run(
        options, loaded.sequence, [](const QString &line) { print(stdout, line); },
        [](const QString &line) { print(stderr, line); });
    int exitCode = 1;
    QObject::connect(&run, &HeadlessRun::finished, &run, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    run.start();
    QCoreApplication::exec();
    return exitCode;
}
