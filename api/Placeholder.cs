namespace OrleansBooking.Api; internal static class Placeholder {}
