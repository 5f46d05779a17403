using System.Diagnostics;
using Leadwise.Core.Companies;
using Leadwise.Core.Progress;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leadwise.Data.Import;

/// <summary>
/// Imports a companies file (<see cref="CompaniesTable"/>) with the outreach import's rules. Companies are
/// upserted by their normalised name (<see cref="CompanyNameKey.Of"/>: case and spacing ignored, legal form kept), so re-importing replaces a company's
/// values; two rows of one file with the same key are an error, because one would silently replace the other.
/// </summary>
public sealed class CompanyImporter(ILeadwiseStore store, ILogger<CompanyImporter>? logger = null)
{
    private readonly TableImporter _tables = new(logger ?? (ILogger)NullLogger<CompanyImporter>.Instance);

    public async Task<ImportReport> ImportAsync(string path, ImportOptions options, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var run = new ImportRun(options);
        if (!run.RequireFile(path))
        {
            return await run.FinishAsync(committed: false, stopwatch.Elapsed, cancellationToken).ConfigureAwait(false);
        }

        return await TableImporter.InTransactionAsync(store, StoreWriteMode.Incremental, run, stopwatch, async writer =>
        {
            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            await _tables.ImportAsync(CompaniesTable.Instance, storeTable: null, path, writer, run, progress,
                (company, check) =>
                {
                    if (string.IsNullOrWhiteSpace(company.Name))
                    {
                        check.Fail("name", "a value is required here");
                    }
                    else
                    {
                        var key = CompanyNameKey.Of(company.Name);
                        check.Unique(keys, key, "name", $"company \"{company.Name}\" (key \"{key}\")");
                    }

                    if (company.Employees is < 0)
                    {
                        check.Fail("employees", $"expected 0 or more employees, got {company.Employees}");
                    }

                    if (company.Domain is { } domain && (domain.Contains("://", StringComparison.Ordinal) || domain.AsSpan().IndexOfAny("/@ ") >= 0 || !domain.Contains('.', StringComparison.Ordinal)))
                    {
                        check.Fail("domain", $"expected a domain like acme.de, got \"{domain}\"");
                    }
                },
                static _ => { },
                static async (w, row, ct) =>
                {
                    await w.UpsertAsync(row, ct).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
