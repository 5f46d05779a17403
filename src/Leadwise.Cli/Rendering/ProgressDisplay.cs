using System.Collections.Concurrent;
using System.Globalization;
using Leadwise.Core.Progress;
using Spectre.Console;

namespace Leadwise.Cli.Rendering;

/// <summary>
/// Shows a library's <see cref="ProgressUpdate"/>s: one Spectre progress bar per stage on a terminal,
/// plain lines (each stage at every tenth, and at its end) when output is redirected to a file or a pipe.
/// </summary>
internal static class ProgressDisplay
{
    public static Task<T> RunAsync<T>(IAnsiConsole console, Func<IProgress<ProgressUpdate>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(new PlainLines(console));
        }

        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = new ConcurrentDictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new Callback(update =>
                {
                    var task = tasks.GetOrAdd(update.Stage, stage => context.AddTask(stage, autoStart: true, maxValue: 1));
                    if (update.Total is { } total)
                    {
                        task.MaxValue = Math.Max(total, 1);
                        task.Value = Math.Min(update.Done, task.MaxValue);
                    }
                    else
                    {
                        task.IsIndeterminate = true;
                    }
                });
                return await work(progress).ConfigureAwait(false);
            });
    }

    /// <summary>Invokes the callback on the reporting thread; <see cref="Progress{T}"/> would post to the thread pool and reorder updates.</summary>
    private sealed class Callback(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => report(value);
    }

    private sealed class PlainLines(IAnsiConsole console) : IProgress<ProgressUpdate>
    {
        private readonly Dictionary<string, int> _lastTenth = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();

        public void Report(ProgressUpdate value)
        {
            lock (_lock)
            {
                var tenth = value.Total is > 0 and var total ? (int)Math.Min(10, value.Done * 10 / total) : 0;
                if (_lastTenth.TryGetValue(value.Stage, out var last) && last >= tenth)
                {
                    return;
                }

                _lastTenth[value.Stage] = tenth;
                var text = value.Total is not null
                    ? string.Create(CultureInfo.InvariantCulture, $"{value.Stage}: {tenth * 10}%")
                    : string.Create(CultureInfo.InvariantCulture, $"{value.Stage}: {value.Done:N0}");
                console.WriteLine(text);
            }
        }
    }
}
