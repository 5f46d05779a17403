using Microsoft.AspNetCore.Mvc;

namespace Leadwise.Server.Security;

/// <summary>Writes the problem details the security middleware answers with (413, 429), the same way the endpoints' problems are written.</summary>
internal static class SecurityProblems
{
    public static ValueTask WriteAsync(HttpContext context, int status, string title, string detail, string? field = null)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
