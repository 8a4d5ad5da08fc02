using Bunit;
using Bunit.TestDoubles;
using IraqCoalition.Web.Auth;
using IraqCoalition.Web.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace IraqCoalition.Web.Tests.Fixtures;

/// <summary>
/// bUnit context for pages: MudBlazor services, bUnit's stand-in authentication, loose JS interop (MudBlazor and vis-timeline call JS
/// that a test cannot run) and a real database filled through the ingestion service.
/// </summary>
public abstract class PageTestContext : BunitContext, IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("InitializeAsync has not run");

    /// <summary>Who the pages see as signed in: anonymous until a test says otherwise.</summary>
    protected BunitAuthorizationContext Authorization { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton<Timeline.SharedEvents>();
        // The app's limits with their defaults: pages that start expensive work take a place as they do in the app.
        Services.AddSingleton(new WorkLimits(new ConfigurationBuilder().Build()));
        Authorization = AddAuthorization();
        _database = await TestDatabase.CreateAsync(Services);
    }

    /// <summary>Signs in as the app would: bUnit's fake authorization grants exactly the policies listed, mirroring AuthSetup's role policies.</summary>
    protected void SignInAs(string name, string role)
    {
        Authorization.SetAuthorized(name);
        Authorization.SetRoles(role);
        Authorization.SetPolicies(role switch
        {
            Data.Accounts.Roles.Admin => [Principals.EditorPolicy, Principals.AdminPolicy],
            Data.Accounts.Roles.Editor => [Principals.EditorPolicy],
            _ => [],
        });
    }

    // MudBlazor's KeyInterceptorService is only IAsyncDisposable, so the context must be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>
    /// Navigates to <paramref name="relativeUri"/> (query parameters reach the page from there, as in
    /// the app) and renders <typeparamref name="TPage"/> with a popover provider, as the layout does.
    /// </summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(string relativeUri = "", Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.ToAbsoluteUri(relativeUri).ToString());
        if (_popovers is null)
        {
            // Pages render as they do once the circuit is up (the timeline's list is virtualised only then).
            // Set here, not at start: setting it builds the service provider, and subclasses still add services.
            SetRendererInfo(new RendererInfo("Server", isInteractive: true));
            _popovers = Render<MudPopoverProvider>();
        }

        return Render(parameters ?? (_ => { }));
    }

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    /// <summary>Where open menus and suggestion lists render, once a page has been rendered.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers => _popovers ?? throw new InvalidOperationException("Render a page first");
}
