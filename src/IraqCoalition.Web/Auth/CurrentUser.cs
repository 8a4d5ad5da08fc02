using IraqCoalition.Data.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace IraqCoalition.Web.Auth;

/// <summary>The signed-in user of this circuit, as the data services want it.</summary>
public sealed class CurrentUser(AuthenticationStateProvider provider)
{
    public async Task<UserContext> GetAsync()
    {
        var state = await provider.GetAuthenticationStateAsync();
        return state.User.ToUserContext();
    }
}
