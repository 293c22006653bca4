using OrleansBooking.Grains.Catalogue;

namespace OrleansBooking.Api.Catalogue;

/// <summary>After an admin change, this silo's browse answers are rebuilt at once (other silos catch up within the cache TTL).</summary>
public sealed class CatalogueChanges(CatalogueDirectory directory, CatalogueBrowseCache cache)
{
    public void Published()
    {
        directory.Invalidate();
        cache.Clear();
    }
}
