using IraqCoalition.Core.Articles;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Editing;
using IraqCoalition.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace IraqCoalition.Web.Components.Editing;

/// <summary>
/// A component that changes data through the role-checking services: it passes the signed-in user
/// and turns the services' refusals into a message on screen. A conflict is kept apart so the
/// component can offer a reload without losing what the editor typed.
/// </summary>
public abstract class EditingComponent : ComponentBase
{
    [Inject] protected CurrentUser CurrentUser { get; set; } = default!;

    protected string? Error { get; set; }

    protected ConcurrencyException? Conflict { get; set; }

    /// <returns>True when the change went through.</returns>
    protected async Task<bool> RunAsync(Func<UserContext, Task> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            await change(await CurrentUser.GetAsync());
            (Error, Conflict) = (null, null);
            return true;
        }
        catch (ConcurrencyException ex)
        {
            (Error, Conflict) = (null, ex);
        }
        catch (Exception ex) when (ex is ForbiddenException or ArgumentException or InvalidOperationException or KeyNotFoundException or ArticleReadException)
        {
            Error = ex.Message;
        }

        return false;
    }
}
