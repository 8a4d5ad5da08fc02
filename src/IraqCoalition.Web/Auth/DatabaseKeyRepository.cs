using System.Xml.Linq;
using IraqCoalition.Data.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace IraqCoalition.Web.Auth;

/// <summary>
/// The Data Protection key ring in the app's database (<see cref="DataProtectionKeyStore"/>) rather
/// than in a folder of one machine: every server of a deployment signs and reads cookies and
/// antiforgery tokens with the same keys. Keys are stored unencrypted, as in the default folder on
/// Linux; whoever can read the database can read them, so the database is the thing to protect.
/// </summary>
public sealed class DatabaseKeyRepository(DataProtectionKeyStore store) : IXmlRepository
{
    // The framework's interface is synchronous; it is called at start-up and on the daily refresh of
    // the ring, never inside a request's work, and ASP.NET Core has no synchronisation context to
    // deadlock on.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.AllAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        store.StoreAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}

public static class DataProtectionSetup
{
    /// <summary>One application name for every server, whatever folder it runs from: the default discriminator is the content root path.</summary>
    public const string ApplicationName = "IraqCoalition";

    public static IServiceCollection AddIraqCoalitionDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<DataProtectionKeyStore>())));
        return services;
    }
}
