using Microsoft.Playwright;

namespace IraqCoalition.Web.Tests.Fixtures;

/// <summary>
/// Picks an item from a MudAutocomplete the way a person does: type, wait for the list, click. On a
/// loaded two-core machine the first keystrokes can reach the circuit before the component's
/// debounced search is wired, or the list can re-render under the click; both are retried within a
/// bound, so a list that never opens still fails the test.
/// </summary>
public static class Suggestions
{
    public static async Task PickAsync(IPage page, ILocator input, string typed, string item, int seconds = 60)
    {
        var suggestion = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = item }).First;
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await suggestion.CountAsync() == 0)
                {
                    await input.ClickAsync();
                    await input.FillAsync("");
                    await input.PressSequentiallyAsync(typed, new() { Delay = 80 });
                    if (!await OpensAsync(suggestion, 4_000))
                    {
                        // ArrowDown opens the list of a focused autocomplete whose text search already ran.
                        await input.PressAsync("ArrowDown");
                        if (!await OpensAsync(suggestion, 8_000))
                        {
                            continue;
                        }
                    }
                }

                await suggestion.ClickAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
            {
                last = ex;
            }
        }

        throw new TimeoutException($"the suggestion '{item}' for '{typed}' did not appear within {seconds} s", last);
    }

    private static async Task<bool> OpensAsync(ILocator suggestion, int milliseconds)
    {
        try
        {
            await suggestion.WaitForAsync(new() { Timeout = milliseconds });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
