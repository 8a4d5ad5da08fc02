using Microsoft.AspNetCore.Components;

namespace IraqCoalition.Web.Auth;

public static class SignInLinks
{
    /// <summary>The sign-in page, coming back to where the reader is now. It is a plain form post, so callers load it as a whole page.</summary>
    public static string ToHere(NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        return $"/account/login?returnUrl={Uri.EscapeDataString("/" + navigation.ToBaseRelativePath(navigation.Uri))}";
    }
}
