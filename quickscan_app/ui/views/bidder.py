from quickscan_app.ui.screens.bidder_reply import render

render()
