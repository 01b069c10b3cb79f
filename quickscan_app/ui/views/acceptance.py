from quickscan_app.ui.screens.acceptance import render

render()
